package dev.runlens.replay;

import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.log.SessionMeta;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes realistic large Space Operator v2 session logs for benchmarks and tests: several runs
 * (two or three live at once), each with a graph of nodes, a loop whose body runs many times
 * (times 0, 1, 2...), inputs, logs, partial and final outputs, some failing executions (two
 * NodeErrors each, as the server sends), FlowError and FlowFinish. Receive times advance by a few
 * milliseconds with occasional idle stretches of seconds. Deterministic for a given seed; about
 * 300 bytes per line, so 1,000,000 events is about 300 MB.
 *
 * <p>{@code java -cp target/classes:... dev.runlens.replay.LogGenerator OUT.jsonl EVENTS [SEED]}
 */
public final class LogGenerator {
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final String[] LEVELS = {"Debug", "Info", "Info", "Info", "Warn"};
    private static final String[] MODULES = {"flow_lib::context", "cmds_solana::transfer", "cmds_std::http_request", "cmds_std::json"};

    private final SplittableRandom random;
    private final long events;
    private long written;
    private long clockMicros;
    private long nextStream;

    private LogGenerator(long events, long seed) {
        this.events = events;
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code events} frame lines (plus subscribed meta lines) to {@code file}. */
    public static void write(Path file, long events, long seed) throws IOException {
        new LogGenerator(events, seed).run(file);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LogGenerator OUT EVENTS [SEED]");
            System.exit(2);
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        write(Path.of(args[0]), Long.parseLong(args[1]), seed);
    }

    private void run(Path file) throws IOException {
        try (SessionLogWriter out = new SessionLogWriter(file,
                new SessionHeader(1, "space-operator", "ws://127.0.0.1:8080/ws", START, "runlens-generator"))) {
            List<RunScript> live = new ArrayList<>();
            RunScript last = null;
            while (written < events) {
                // A new run needs room for its events; a tiny log still gets one.
                while (live.size() < 2 + random.nextInt(2) && (written + 64 < events || last == null && live.isEmpty())) {
                    RunScript run = new RunScript(uuid(), nextStream++, 4 + random.nextInt(5), 20_000 + random.nextInt(120_000));
                    out.writeMeta(now(), SessionMeta.SUBSCRIBED, Map.of("stream_id", run.stream, "flow_run_id", run.runId));
                    live.add(run);
                }
                if (live.isEmpty()) {
                    // Too few events left for a new run: late events of the last run (counted, ignored).
                    out.writeFrame(tick(), frame(last.stream, last.runId, "FlowLog", timeField()
                            + ",\"level\":\"Info\",\"module\":null,\"content\":\"late\""));
                    written++;
                    continue;
                }
                RunScript run = live.get(random.nextInt(live.size()));
                run.emit(out);
                if (run.done) {
                    live.remove(run);
                    last = run;
                }
            }
        }
    }

    /** The events of one run, produced a few at a time so runs interleave. */
    private final class RunScript {
        final String runId;
        final long stream;
        final List<String> before = new ArrayList<>();
        final List<String> body = new ArrayList<>();
        final List<String> after = new ArrayList<>();
        final long budget;
        final List<String> pending = new ArrayList<>();
        long emitted;
        int iteration;
        int failed;
        int phase;
        boolean done;

        RunScript(String runId, long stream, int bodyNodes, long budget) {
            this.runId = runId;
            this.stream = stream;
            this.budget = budget;
            for (int i = 0; i < 3; i++) {
                before.add(uuid());
                after.add(uuid());
            }
            for (int i = 0; i < bodyNodes; i++) {
                body.add(uuid());
            }
        }

        void emit(SessionLogWriter out) throws IOException {
            if (pending.isEmpty()) {
                plan();
            }
            String f = pending.remove(0);
            out.writeFrame(tick(), f);
            written++;
            emitted++;
        }

        private boolean budgetLeft() {
            long left = events - written;
            return emitted + pending.size() + 40 < budget && left > 80;
        }

        private void plan() {
            switch (phase) {
                case 0 -> {
                    pending.add(frame(stream, runId, "FlowStart", timeField()));
                    for (String node : before) {
                        execution(node, 0);
                    }
                    phase = 1;
                }
                case 1 -> {
                    if (budgetLeft()) {
                        for (String node : body) {
                            execution(node, iteration);
                        }
                        iteration++;
                    } else {
                        for (String node : after.subList(0, 2)) {
                            execution(node, 0);
                        }
                        if (failed > 0) {
                            pending.add(frame(stream, runId, "FlowError", timeField() + ",\"error\":\"" + failed + " nodes failed\""));
                        }
                        pending.add(frame(stream, runId, "FlowFinish", timeField() + ",\"not_run\":[\"" + after.get(2)
                                + "\"],\"output\":{\"M\":{\"total\":{\"U\":\"" + iteration + "\"},\"result\":{\"S\":\"done\"}}}"));
                        phase = 2;
                    }
                }
                default -> done = true;
            }
            if (pending.isEmpty()) {
                done = true;
                pending.add(frame(stream, runId, "FlowLog", timeField() + ",\"level\":\"Info\",\"module\":null,\"content\":\"finished\""));
            }
        }

        private void execution(String node, int times) {
            String id = ",\"node_id\":\"" + node + "\",\"times\":" + times;
            pending.add(frame(stream, runId, "NodeStart", timeField() + id + ",\"input\":{\"M\":{\"amount\":{\"D\":\""
                    + random.nextInt(1000) + "." + random.nextInt(100) + "\"},\"recipient\":{\"B3\":\"" + base58(44)
                    + "\"},\"memo\":{\"S\":\"payment " + times + "\"}}}"));
            int logs = random.nextInt(4);
            for (int i = 0; i < logs; i++) {
                pending.add(frame(stream, runId, "NodeLog", timeField() + id + ",\"level\":\"" + LEVELS[random.nextInt(LEVELS.length)]
                        + "\",\"module\":\"" + MODULES[random.nextInt(MODULES.length)] + "\",\"content\":\"step " + i
                        + " of iteration " + times + ": checked balance " + random.nextInt(1_000_000) + " lamports\""));
            }
            if (random.nextInt(100) < 3) {
                failed++;
                pending.add(frame(stream, runId, "NodeError", timeField() + id + ",\"error\":\"insufficient funds: need "
                        + random.nextInt(10) + "." + random.nextInt(100) + " SOL\""));
                pending.add(frame(stream, runId, "NodeError", timeField() + id
                        + ",\"error\":\"transfer_sol did not produce required output signature\""));
            } else {
                if (random.nextInt(4) == 0) {
                    pending.add(frame(stream, runId, "NodeOutput", timeField() + id + ",\"output\":{\"M\":{\"progress\":{\"F\":\"0.5\"}}}"));
                }
                pending.add(frame(stream, runId, "NodeOutput", timeField() + id + ",\"output\":{\"M\":{\"signature\":{\"B6\":\""
                        + base58(88) + "\"},\"slot\":{\"U\":\"" + (300_000_000 + random.nextInt(1_000_000)) + "\"}}}"));
            }
            pending.add(frame(stream, runId, "NodeFinish", timeField() + id));
        }
    }

    private static String frame(long stream, String runId, String kind, String fields) {
        return "{\"stream_id\":" + stream + ",\"event\":\"" + kind + "\",\"data\":{" + fields + ",\"flow_run_id\":\"" + runId + "\"}}";
    }

    /** The server time of the next event: slightly behind the receive clock. */
    private String timeField() {
        long micros = clockMicros - random.nextInt(2000);
        return "\"time\":\"" + START.plusNanos(Math.max(0, micros) * 1000 + random.nextInt(1000)) + "\"";
    }

    /** Advances the receive clock: mostly milliseconds, sometimes an idle stretch of seconds. */
    private Instant tick() {
        int r = random.nextInt(10_000);
        long step = r < 5 ? 2_000_000L + random.nextInt(30_000_000) : random.nextInt(5_000);
        clockMicros += step;
        return START.plusNanos(clockMicros * 1000);
    }

    private Instant now() {
        return START.plusNanos(clockMicros * 1000);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static final char[] B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

    private String base58(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = B58[random.nextInt(B58.length)];
        }
        return new String(c);
    }
}
