package dev.runlens.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A load scenario: many Space Operator runs live at once on one connection. Once a client has
 * subscribed to every run of the group, their events go out interleaved (one event of each run in
 * turn: FlowStart, NodeStart/NodeOutput/NodeFinish triples over eight nodes, FlowFinish) at
 * {@code perSecond} events in all, on the subscribing connection's thread. Event times are our
 * clock plus {@code skew}: a server whose clock is off. The eight node ids share their first 24
 * characters, as generated ids in test flows do. No history is kept.
 */
final class ManyRuns {
    static final int NODES = 8;
    private final List<String> runIds;
    private final int eventsPerRun;
    private final int perSecond;
    private final Duration skew;
    private final boolean finish;
    private final Map<String, Long> streams = new ConcurrentHashMap<>();

    /**
     * @param eventsPerRun events of each run, FlowStart and (when {@code finish}) FlowFinish included
     * @param perSecond    events per second over all runs (0: as fast as the socket takes them)
     * @param finish       end each run with FlowFinish; else the runs stay running
     */
    ManyRuns(List<String> runIds, int eventsPerRun, int perSecond, Duration skew, boolean finish) {
        if (eventsPerRun < 2) {
            throw new IllegalArgumentException("each run has at least two events");
        }
        this.runIds = List.copyOf(runIds);
        this.eventsPerRun = eventsPerRun;
        this.perSecond = perSecond;
        this.skew = skew;
        this.finish = finish;
    }

    /** The groups a simulator plays, found by any of their runs' ids. */
    static final class Groups {
        private final Map<String, ManyRuns> byRun = new ConcurrentHashMap<>();

        List<String> start(int runs, int eventsPerRun, int perSecond, Duration skew, boolean finish) {
            List<String> ids = new java.util.ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                ids.add(java.util.UUID.randomUUID().toString());
            }
            ManyRuns group = new ManyRuns(ids, eventsPerRun, perSecond, skew, finish);
            ids.forEach(id -> byRun.put(id, group));
            return ids;
        }

        ManyRuns find(String runId) {
            return byRun.get(runId);
        }
    }

    static String nodeId(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n + 1);
    }

    /** Records a subscription; true when it was the group's last, and the runs may play. */
    boolean subscribed(String runId, long streamId) {
        streams.put(runId, streamId);
        return streams.size() == runIds.size();
    }

    /** Sends every event of every run; blocks the caller's thread (the connection's) until done. */
    void play(Consumer<String> send) {
        long start = System.nanoTime();
        long sent = 0;
        Instant now = Instant.now().plus(skew);
        for (int i = 0; i < eventsPerRun; i++) {
            for (String run : runIds) {
                if (sent % 32 == 0) {
                    now = Instant.now().plus(skew);
                }
                send.accept("{\"stream_id\":" + streams.get(run) + ",\"event\":\"" + frame(i, now) + ",\"flow_run_id\":\"" + run + "\"}}");
                sent++;
                if (perSecond > 0 && (sent & 31) == 0) {
                    long wait = start + (long) (sent * (1e9 / perSecond)) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }
        }
    }

    private String frame(int i, Instant at) {
        String time = "\"time\":\"" + at + "\"";
        if (i == 0) {
            return "FlowStart\",\"data\":{" + time;
        }
        if (finish && i == eventsPerRun - 1) {
            return "FlowFinish\",\"data\":{" + time + ",\"not_run\":[],\"output\":{\"M\":{\"n\":{\"U\":\"" + i + "\"}}}";
        }
        int k = i - 1;
        int triple = k / 3;
        String node = ",\"node_id\":\"" + nodeId(triple % NODES) + "\",\"times\":" + (triple / NODES);
        return switch (k % 3) {
            case 0 -> "NodeStart\",\"data\":{" + time + node + ",\"input\":{\"M\":{\"n\":{\"U\":\"" + triple + "\"}}}";
            case 1 -> "NodeOutput\",\"data\":{" + time + node + ",\"output\":{\"M\":{\"ok\":{\"B\":true}}}";
            default -> "NodeFinish\",\"data\":{" + time + node;
        };
    }
}
