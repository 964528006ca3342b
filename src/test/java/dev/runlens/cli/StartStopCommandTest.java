package dev.runlens.cli;

import dev.runlens.connect.Backoff;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.sim.LyzrWorkflows;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code runlens start} and {@code runlens stop} against the simulator over real HTTP and WebSocket, with their exit statuses. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartStopCommandTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));

    @TempDir
    Path dir;
    private Simulator sim;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startSimulator() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private int start(Map<String, String> env, String stdin, String... args) {
        StartCommand command = new StartCommand(env::get, FAST, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return CommandLines.execute(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int stop(String token, String... args) {
        return CommandLines.execute(new StopCommand(Map.of("RUNLENS_TOKEN", token)::get), args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> token() {
        return Map.of("RUNLENS_TOKEN", sim.demoToken(), "LYZR_API_KEY", sim.demoToken());
    }

    @Test
    void startRecordsTheRunWithItsTypedInputsAndTheStart() throws Exception {
        Path inputs = dir.resolve("in.json");
        Files.writeString(inputs, "{\"amount\": 2.50, \"retries\": 3}");
        Path log = dir.resolve("started.jsonl");
        int status = start(token(), "", "--url", sim.spaceOperatorUrl().toString(), "--flow", Simulator.flowId(SoScenario.BALANCE),
                "--inputs", inputs.toString(), "--type", "retries=U", "--record", "--out", log.toString());
        assertEquals(ExitCodes.OK, status, err::toString);
        String runId = out.toString(StandardCharsets.UTF_8).strip();
        String text = Files.readString(log);
        assertTrue(text.contains("\"meta\":\"run_started\""), text);
        assertTrue(text.contains("\"run_id\":\"" + runId + "\""), text);
        assertTrue(text.contains("{\\\"amount\\\":{\\\"D\\\":\\\"2.50\\\"},\\\"retries\\\":{\\\"U\\\":\\\"3\\\"}}"), text);
        assertTrue(text.contains("FlowFinish"), text);
        assertFalse(text.contains(sim.demoToken()));
    }

    @Test
    void startPrintsTheRunIdAndReadsInputsFromStandardInput() {
        int status = start(token(), "{\"who\":{\"S\":\"ann\"}}", "--url", sim.spaceOperatorUrl().toString(),
                "--flow", Simulator.flowId(SoScenario.FOREACH), "--inputs", "-", "--tagged");
        assertEquals(ExitCodes.OK, status, err::toString);
        assertTrue(sim.liveSpaceOperatorRuns().contains(out.toString(StandardCharsets.UTF_8).strip()));
    }

    @Test
    void unknownFlowIsRefusedWithOneLine() {
        int status = start(token(), "", "--url", sim.spaceOperatorUrl().toString(), "--flow", "nope");
        assertEquals(ExitCodes.REFUSED, status);
        assertEquals(List.of("runlens start: Starting flow nope failed: 127.0.0.1:" + sim.port()
                + " does not know it (HTTP 404) (\"not found\")."), err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void refusedTokenExitsThree() {
        int status = start(Map.of("RUNLENS_TOKEN", "b3-nope"), "", "--url", sim.spaceOperatorUrl().toString(),
                "--flow", Simulator.flowId(SoScenario.BALANCE));
        assertEquals(ExitCodes.TOKEN_REFUSED, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refused the token"), err::toString);
        assertTrue(sim.liveSpaceOperatorRuns().isEmpty());
    }

    @Test
    void inputsThatCannotBeSentStartNothing() {
        int status = start(token(), "{\"n\": -1}", "--url", sim.spaceOperatorUrl().toString(),
                "--flow", Simulator.flowId(SoScenario.BALANCE), "--inputs", "-", "--type", "n=U");
        assertEquals(ExitCodes.USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("runlens start: The input \"n\" cannot be sent as u64"), err::toString);
        assertTrue(sim.liveSpaceOperatorRuns().isEmpty());
    }

    @Test
    void aTokenGivenAsAnArgumentIsRefused() {
        int status = start(token(), "", "--url", sim.spaceOperatorUrl().toString(), "--flow", "f", "--token", "b3-x");
        assertEquals(ExitCodes.USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("never passed as an argument"), err::toString);
    }

    @Test
    void tokenIsNotSentOverPlainHttpToARemoteHost() {
        int status = start(token(), "", "--url", "http://runs.example.com:8080", "--flow", "f");
        assertEquals(ExitCodes.USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not encrypted, so the token was not sent"), err::toString);
    }

    @Test
    void lyzrStartOpensTheSocketFirstAndRecordsTheWholeRun() throws Exception {
        Path wf = dir.resolve("wf.json");
        Files.writeString(wf, LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, "Support Flow", "template"));
        Path log = dir.resolve("lyzr.jsonl");
        int status = start(token(), "", "--lyzr-api", sim.lyzrApiUrl().toString(), "--workflow", wf.toString(),
                "--record", "--out", log.toString());
        assertEquals(ExitCodes.OK, status, err::toString);
        String text = Files.readString(log);
        assertTrue(text.contains("flow_started") && text.contains("flow_completed"), text);
        assertTrue(text.contains("\"meta\":\"run_started\"") && text.contains("\"task_id\":\""), text);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Support Flow/run-"), out::toString);
    }

    @Test
    void lyzrWatchWithoutTheKeyOpensNoWindowAndPostsNothing() throws Exception {
        Path wf = dir.resolve("wf.json");
        Files.writeString(wf, LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, "F", "r"));
        assertEquals(ExitCodes.USAGE, start(Map.of(), "", "--lyzr-api", sim.lyzrApiUrl().toString(), "--workflow", wf.toString(), "--watch"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("LYZR_API_KEY is not set"), err::toString);
        assertTrue(sim.liveLyzrRuns().isEmpty());
    }

    @Test
    void stopEndsALiveRunAndAFinishedOneIsNotFound() throws Exception {
        String live = sim.startRun(SoScenario.FOREACH);
        assertEquals(ExitCodes.OK, stop(sim.demoToken(), "--url", sim.spaceOperatorUrl().toString(), "--run", live, "--reason", "test"),
                err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Stop requested for run " + live));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sim.liveSpaceOperatorRuns().contains(live) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(sim.liveSpaceOperatorRuns().contains(live));
        assertEquals(ExitCodes.NOT_FOUND, stop(sim.demoToken(), "--url", sim.spaceOperatorUrl().toString(), "--run", live));
        assertEquals(ExitCodes.TOKEN_REFUSED, stop("b3-nope", "--url", sim.spaceOperatorUrl().toString(), "--run", live));
    }
}
