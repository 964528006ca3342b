package dev.runlens.cli;

import dev.runlens.connect.Backoff;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.sim.LyzrWorkflows;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.app.LaunchOptions;
import dev.runlens.ui.app.PendingStart;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.launch.WatchCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code start --watch} hands its start to {@code watch} (decision 0055), against the simulator
 * over real HTTP: what the window is given, read back by the real {@code watch} parser. The window
 * performing it is {@code ui.app.PendingStartUiTest}.
 */
class StartWatchHandOverTest {
    @TempDir
    Path dir;
    private Simulator sim;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final WatchArguments watch = new WatchArguments();

    /** Stands in for the root's {@code watch}: keeps what it was given, so the test reads it as {@code watch} would. */
    @Command(name = "watch")
    static final class WatchArguments implements Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return ExitCodes.OK;
        }
    }

    @Command(name = "runlens")
    static final class Root {
    }

    @BeforeEach
    void startSimulator() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private Map<String, String> env() {
        return Map.of("RUNLENS_TOKEN", sim.demoToken(), "LYZR_API_KEY", sim.demoToken());
    }

    private int start(String... args) {
        CommandLine root = CommandLines.create(new Root(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        root.addSubcommand("start", new StartCommand(env()::get, Backoff.standard(), new ByteArrayInputStream(new byte[0])));
        root.addSubcommand("watch", watch);
        // Again, now that the sub-commands are there: picocli hands the writers to those present.
        root.setOut(root.getOut());
        root.setErr(root.getErr());
        List<String> all = new ArrayList<>(List.of("start"));
        all.addAll(List.of(args));
        int status = root.execute(all.toArray(new String[0]));
        root.getErr().flush();
        return status;
    }

    @Test
    void aSpaceOperatorStartHandsTheWindowItsRunAndTheStartLine() throws Exception {
        Path inputs = dir.resolve("in.json");
        Files.writeString(inputs, "{\"retries\": 3}");
        Path log = dir.resolve("watched.jsonl");
        int status = start("--url", sim.spaceOperatorUrl().toString(), "--flow", Simulator.flowId(SoScenario.BALANCE),
                "--inputs", inputs.toString(), "--type", "retries=U", "--watch", "--exit-when-finished", "--out", log.toString());
        assertEquals(ExitCodes.OK, status, err::toString);
        String runId = out.toString(StandardCharsets.UTF_8).strip();
        assertFalse(runId.isEmpty(), "the run id is printed before the window opens");
        assertFalse(String.join(" ", watch.args).contains(sim.demoToken()), "the token is read by the window, never handed over");
        LaunchOptions o = WatchCommand.parse(watch.args, env());
        assertEquals(List.of(runId), o.watch().runIds());
        assertTrue(o.exitWhenFinished());
        assertEquals(log, o.recordTo());
        PendingStart.Started started = assertInstanceOf(PendingStart.Started.class, o.start());
        assertEquals(runId, started.run().runId());
        assertEquals(Simulator.flowId(SoScenario.BALANCE), started.run().flowId());
        assertEquals("{\"retries\":{\"U\":\"3\"}}", started.run().inputs());
    }

    @Test
    void aLyzrStartIsLeftToTheWindowWithWhereTheKeyIsNeverTheKey() throws Exception {
        Path wf = dir.resolve("wf.json");
        Files.writeString(wf, LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, "Support Flow", "template"));
        Path keyFile = dir.resolve("key.txt");
        Files.writeString(keyFile, sim.demoToken() + "\n");
        int status = start("--lyzr-api", sim.lyzrApiUrl().toString(), "--workflow", wf.toString(), "--lyzr-api-key-file", keyFile.toString(),
                "--watch");
        assertEquals(ExitCodes.OK, status, err::toString);
        assertFalse(String.join(" ", watch.args).contains(sim.demoToken()), watch.args::toString);
        LaunchOptions o = WatchCommand.parse(watch.args, Map.of());
        assertNull(o.watch(), "no socket before the window chose the run name");
        assertFalse(o.demoMode());
        PendingStart.Lyzr lyzr = assertInstanceOf(PendingStart.Lyzr.class, o.start());
        assertEquals(sim.lyzrApiUrl().toString(), lyzr.request().api().toString());
        assertEquals(new TokenSource.FromFile(keyFile), lyzr.request().key());
        assertEquals("Support Flow", lyzr.request().workflow().path("flow_name").asText());
        assertTrue(sim.liveLyzrRuns().isEmpty(), "nothing is posted before the window opened the socket");
    }

    @Test
    void exitWhenFinishedGoesWithWatch() {
        assertEquals(ExitCodes.USAGE, start("--url", sim.spaceOperatorUrl().toString(), "--flow", Simulator.flowId(SoScenario.BALANCE),
                "--exit-when-finished"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--exit-when-finished goes with --watch"), err::toString);
        assertTrue(watch.args.isEmpty());
    }
}
