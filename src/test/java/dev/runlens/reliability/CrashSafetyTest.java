package dev.runlens.reliability;

import dev.runlens.connect.Backoff;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.json.Json;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety: {@code record} is killed with SIGKILL at random moments while the simulator emits
 * an event every millisecond. Every log must stay readable by {@code summary}, with at most one
 * torn line, and lose at most the last 100 ms: every event the server emitted more than 100 ms
 * before the kill is in the log. Each kill watches a fresh run that advances only while watched,
 * so every event reaches the recorder live, right after its server {@code time}; the times of the
 * events missing from a killed log are read afterwards from a subscription that replays the run.
 * (A moment when the simulator itself was not scheduled therefore does not count as loss; a late
 * recorder, a late client or a starved child process does.)
 */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("runlens.crash.kills", 20);
    private static final long MAX_LOSS_MS = 100;
    private static final int STREAMING = 500;

    @TempDir
    Path dir;

    @Test
    void killedRecordLeavesAReadableLogMissingAtMostTheLast100Ms() throws Exception {
        SimulatorOptions options = SimulatorOptions.fastBuilder()
                .eventInterval(Duration.ofMillis(1)).foreachIterations(3_000).seed(5).build();
        Random random = new Random(2026);
        List<Long> losses = new ArrayList<>();
        try (Simulator sim = Simulator.start(options)) {
            sim.faults().holdRunsWhileUnwatched(true);
            for (int i = 0; i < KILLS; i++) {
                String runId = sim.startRun(SoScenario.FOREACH);
                Path log = dir.resolve("killed-" + i + ".jsonl");
                Process p = record(sim, runId, log, i);
                waitForFrames(log, p);
                Thread.sleep(random.nextInt(1500));
                Instant killedAt = Instant.now();
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, p.exitValue(), "killed with SIGKILL");

                SummaryBuilder summary = new SummaryBuilder();
                summary.add(log);
                assertTrue(summary.stats().malformed() <= 1, "more than one torn line in " + log);
                assertEquals(1, summary.model().runs().size());
                assertTrue(summary.model().runs().get(0).events() > 0);
                int kept = eventTimes(log).size();
                // The first event missing from the log: how long before the kill the server emitted it.
                Instant firstMissing = emitTime(sim, runId, kept);
                long lossMs = Duration.between(firstMissing, killedAt).toMillis();
                losses.add(Math.max(0, lossMs));
                assertTrue(lossMs <= MAX_LOSS_MS, "kill " + i + ": event " + kept + ", emitted " + lossMs
                        + " ms before the kill, is missing from the log (its last line was received "
                        + Duration.between(lastReceived(log), killedAt).toMillis() + " ms before the kill)");
            }
        }
        losses.sort(null);
        System.out.printf("crash safety: %d kills, oldest lost event emitted before the kill: median %d ms, max %d ms%n",
                losses.size(), losses.get(losses.size() / 2), losses.get(losses.size() - 1));
    }

    private Process record(Simulator sim, String runId, Path log, int i) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                "dev.runlens.Main", "record", "--url", sim.spaceOperatorUrl().toString(), "--run", runId,
                "--out", log.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr-" + i + ".txt").toFile());
        pb.environment().put("RUNLENS_TOKEN", sim.demoToken());
        return pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits until the child has written {@link #STREAMING} events, so the kill lands in the live
     * stream (a run of 15,000 events, 15 s), past the run's first large frames and the new JVM's
     * first second, when no recorder keeps up with anything.
     */
    private static void waitForFrames(Path log, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("record exited early with " + p.exitValue());
            }
            if (Files.exists(log) && countEvents(log) >= STREAMING) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("record wrote fewer than " + STREAMING + " events within 60 s");
    }

    private static long countEvents(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("\"frame\":\"{\\\"stream_id\\\"")).count();
        }
    }

    /** The server time of a run event frame, or null for any other frame (and a torn one). */
    private static Instant eventTime(String text) {
        if (text == null || !text.startsWith("{\"stream_id\":")) {
            return null;
        }
        try {
            JsonNode time = Json.parse(text).path("data").path("time");
            return time.isTextual() ? Instant.parse(time.textValue()) : null;
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    private static Instant lastReceived(Path log) throws Exception {
        Instant[] last = {Instant.EPOCH};
        LogReader.open(log).read(e -> {
            if (e instanceof LogEntry.Frame f && f.receivedAt() != null) {
                last[0] = f.receivedAt();
            }
        });
        return last[0];
    }

    /** The server times of the log's run events, in stream order. */
    private static List<Instant> eventTimes(Path log) throws Exception {
        List<Instant> times = new ArrayList<>();
        LogReader.open(log).read(e -> {
            if (e instanceof LogEntry.Frame f) {
                Instant t = eventTime(f.text());
                if (t != null) {
                    times.add(t);
                }
            }
        });
        return times;
    }

    /** Subscribes to the run (which replays its history) until event {@code index} has arrived; returns its server time. */
    private static Instant emitTime(Simulator sim, String runId, int index) throws Exception {
        List<Instant> times = new ArrayList<>();
        ConnectionListener listener = new ConnectionListener() {
            @Override
            public void onFrame(ReceivedFrame frame) {
                Instant t = eventTime(frame.text());
                if (t != null) {
                    synchronized (times) {
                        times.add(t);
                        times.notifyAll();
                    }
                }
            }

            @Override
            public void onState(ConnectionState state, String message) {
            }
        };
        ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken())).runIds(List.of(runId)).build();
        try (ConnectionService service = new ConnectionService(request, listener, null, Backoff.standard())) {
            service.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (times) {
                while (times.size() <= index && System.nanoTime() < deadline) {
                    times.wait(100);
                }
                assertTrue(times.size() > index, "the replay did not reach event " + index);
                Instant t = times.get(index);
                assertNotNull(t);
                return t;
            }
        }
    }
}
