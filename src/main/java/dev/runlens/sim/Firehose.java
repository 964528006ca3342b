package dev.runlens.sim;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A load source: one Space Operator run of {@code events} small events (FlowStart, then
 * NodeStart/NodeOutput/NodeFinish triples over eight nodes and growing {@code times}, then
 * FlowFinish), sent to a subscriber as fast as the socket takes them, or at a fixed rate. It keeps
 * no history: it exists to measure throughput, not to be reconnected to.
 */
final class Firehose {
    private static final int NODES = 8;
    private final String runId;
    private final int events;
    private final int perSecond;
    private final String[] nodeIds = new String[NODES];
    private final Instant base = Instant.parse("2026-11-22T08:00:00Z");

    Firehose(String runId, int events, int perSecond, java.util.function.Supplier<String> ids) {
        if (events < 2) {
            throw new IllegalArgumentException("a firehose run has at least FlowStart and FlowFinish");
        }
        this.runId = runId;
        this.events = events;
        this.perSecond = perSecond;
        for (int i = 0; i < NODES; i++) {
            nodeIds[i] = ids.get();
        }
    }

    String runId() {
        return runId;
    }

    /** Sends every event on {@code streamId}; blocks the caller's thread until done. */
    void play(long streamId, Consumer<String> send) {
        long start = System.nanoTime();
        String prefix = "{\"stream_id\":" + streamId + ",\"event\":\"";
        String suffix = ",\"flow_run_id\":\"" + runId + "\"}}";
        for (int i = 0; i < events; i++) {
            send.accept(prefix + frame(i) + suffix);
            if (perSecond > 0 && (i & 31) == 31) {
                long due = start + (long) ((i + 1) * (1e9 / perSecond));
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }

    private String frame(int i) {
        String time = "\"time\":\"" + base.plusNanos(i * 1000L) + "\"";
        if (i == 0) {
            return "FlowStart\",\"data\":{" + time;
        }
        if (i == events - 1) {
            return "FlowFinish\",\"data\":{" + time + ",\"not_run\":[],\"output\":{\"M\":{\"count\":{\"U\":\"" + events + "\"}}}";
        }
        int k = i - 1;
        int triple = k / 3;
        String node = ",\"node_id\":\"" + nodeIds[triple % NODES] + "\",\"times\":" + (triple / NODES);
        return switch (k % 3) {
            case 0 -> "NodeStart\",\"data\":{" + time + node + ",\"input\":{\"M\":{\"n\":{\"U\":\"" + triple + "\"}}}";
            case 1 -> "NodeOutput\",\"data\":{" + time + node + ",\"output\":{\"M\":{\"ok\":{\"B\":true}}}";
            default -> "NodeFinish\",\"data\":{" + time + node;
        };
    }
}
