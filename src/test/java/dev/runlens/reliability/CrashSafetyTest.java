package dev.runlens.reliability;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety: {@code record} is killed with SIGKILL at random moments while frames arrive
 * every millisecond. Every log must stay readable by {@code summary}, with at most one torn line,
 * and lose at most the last flush interval (100 ms) of frames.
 */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("runlens.crash.kills", 20);
    /** The flush interval, plus slack for scheduling on a loaded 2-core machine. */
    private static final long MAX_LOSS_MS = 100 + 400;

    @TempDir
    Path dir;

    @Test
    void killedRecordLeavesAReadableLogMissingAtMostTheLastFlush() throws Exception {
        SimulatorOptions options = SimulatorOptions.fast().toBuilder()
                .eventInterval(Duration.ofMillis(1)).foreachIterations(40_000).seed(5).build();
        Random random = new Random(2026);
        List<Long> losses = new ArrayList<>();
        try (Simulator sim = Simulator.start(options)) {
            String runId = sim.startRun(SoScenario.FOREACH);
            for (int i = 0; i < KILLS; i++) {
                Path log = dir.resolve("killed-" + i + ".jsonl");
                ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                        "dev.runlens.Main", "record", "--url", sim.spaceOperatorUrl().toString(), "--run", runId,
                        "--out", log.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(dir.resolve("stderr-" + i + ".txt").toFile());
                pb.environment().put("RUNLENS_TOKEN", sim.demoToken());
                Process p = pb.start();
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
                Instant lastAt = lastReceiveTime(log);
                long lossMs = Duration.between(lastAt, killedAt).toMillis();
                losses.add(lossMs);
                assertTrue(lossMs <= MAX_LOSS_MS, "kill " + i + ": the log ends " + lossMs + " ms before the kill");
            }
        }
        losses.sort(null);
        System.out.printf("crash safety: %d kills, frames lost before the kill: median %d ms, max %d ms%n",
                losses.size(), losses.get(losses.size() / 2), losses.get(losses.size() - 1));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the child has written at least a few frame lines, so the kill lands mid-stream. */
    private static void waitForFrames(Path log, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("record exited early with " + p.exitValue());
            }
            if (Files.exists(log) && Files.size(log) > 20_000) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("record wrote no frames within 60 s");
    }

    private static Instant lastReceiveTime(Path log) throws Exception {
        Instant[] last = {null};
        LogReader.open(log).read(e -> {
            if (e instanceof LogEntry.Frame f && f.receivedAt() != null) {
                last[0] = f.receivedAt();
            }
        });
        assertTrue(last[0] != null, "no frame in " + log);
        return last[0];
    }
}
