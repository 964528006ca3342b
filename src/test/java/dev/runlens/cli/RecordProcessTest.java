package dev.runlens.cli;

import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code runlens record} as its own process, killed with SIGKILL halfway. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RecordProcessTest {
    @TempDir
    Path dir;

    @Test
    void killNineLeavesALogThatSummaryReads() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(40))
                .foreachIterations(60).build())) {
            sim.faults().holdRunsWhileUnwatched(true); // however slowly the child starts, the run waits for it
            String run = sim.startRun(SoScenario.FOREACH);
            Path log = dir.resolve("killed.jsonl");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.runlens.Main", "record",
                    "--url", sim.spaceOperatorUrl().toString(), "--run", run, "--out", log.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child-output.txt").toFile());
            pb.environment().put("RUNLENS_TOKEN", sim.demoToken());
            Process child = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (lines(log) < 40 && System.nanoTime() < deadline) {
                    assertTrue(child.isAlive(), () -> "record ended early: " + read(dir.resolve("child-output.txt")));
                    Thread.sleep(50);
                }
                assertTrue(lines(log) >= 40, "the child recorded too little");
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook runs
                child.waitFor(10, TimeUnit.SECONDS);
            }
            assertTrue(sim.liveSpaceOperatorRuns().contains(run), "the run ended before the kill");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = CommandLines.execute(new SummaryCommand(), new String[] {"--json", log.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCodes.OK, status, err::toString);
            SummaryBuilder summary = new SummaryBuilder();
            summary.add(log);
            assertEquals(1, summary.model().runs().size());
            assertEquals(run, summary.model().runs().get(0).ref().runId());
            assertEquals("running", summary.model().runs().get(0).status().id());
            assertTrue(summary.model().runs().get(0).events() >= 20, () -> "events: " + summary.model().runs().get(0).events());
            assertFalse(read(log).contains(sim.demoToken()));
            assertFalse(read(dir.resolve("child-output.txt")).contains(sim.demoToken()));
        }
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        return read(file).chars().filter(c -> c == '\n').count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }
}
