package dev.runlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.Backoff;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.otlp.OtlpReceiver;
import dev.runlens.otlp.TraceChecks;
import dev.runlens.sim.LyzrApiCalls;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code record --otlp-endpoint} against the simulator and a real OTLP/HTTP receiver on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordOtlpTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));

    @TempDir
    Path dir;
    private Simulator sim;
    private OtlpReceiver receiver;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private int record(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("RUNLENS_TOKEN", sim.demoToken());
        RecordCommand command = new RecordCommand(env::get, FAST);
        return CommandLines.execute(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int recordSpaceOperator(SoScenario scenario, Path file, Map<String, String> env) {
        String run = sim.startRun(scenario);
        return record(env, "--url", sim.spaceOperatorUrl().toString(), "--run", run, "--out", file.toString(),
                "--otlp-endpoint", receiver.base().toString());
    }

    private static JsonNode summary(Path file) throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        b.add(file);
        return b.toJson();
    }

    @Test
    void eachRecordedRunReachesTheCollectorAsTheTraceOfItsSummaryWithTheHeadersOfTheEnvironment() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        receiver = OtlpReceiver.healthy();
        Path file = dir.resolve("failing.jsonl");
        assertEquals(ExitCodes.OK, recordSpaceOperator(SoScenario.FAILING, file,
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20collector-key")), err::toString);
        JsonNode summary = summary(file);
        assertEquals("failed", summary.get("runs").get(0).get("status").asText(), "the scenario's run fails");
        int spans = TraceChecks.assertMatchesSummary(summary, receiver.spans());
        assertEquals(receiver.spans().size(), spans, "nothing beyond the recorded run was sent");
        assertTrue(receiver.authorizations().contains("Bearer collector-key"), receiver.authorizations()::toString);
        assertTrue(out.toString().contains("Sent " + spans + " span(s) to " + receiver.base() + "/v1/traces; 0 dropped."), out::toString);
        assertEquals(0, receiver.rejected());
    }

    @Test
    void lyzrRunReachesTheCollectorWithItsTaskIds() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        sim.faults().holdRunsWhileUnwatched(true); // Lyzr has no replay: the run waits for the recorder
        receiver = OtlpReceiver.healthy();
        String flow = "Customer Support Pipeline";
        LyzrApiCalls.startRun(sim, LyzrScenario.SUPPORT_PIPELINE, flow, "run-otlp");
        Path file = dir.resolve("lyzr.jsonl");
        assertEquals(ExitCodes.OK, record(Map.of(), "--url", sim.lyzrUrl(flow, "run-otlp").toString(), "--out", file.toString(),
                "--otlp-endpoint", receiver.base().toString()), err::toString);
        int spans = TraceChecks.assertMatchesSummary(summary(file), receiver.spans());
        assertEquals(receiver.spans().size(), spans);
        assertTrue(receiver.spans().stream().anyMatch(s -> TraceChecks.keys(s).contains("runlens.lyzr.task_id")));
    }

    @Test
    void collectorThatAnswers503ThenRecoversGetsEverySpan() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        receiver = OtlpReceiver.unavailableFirst(2);
        Path file = dir.resolve("balance.jsonl");
        assertEquals(ExitCodes.OK, recordSpaceOperator(SoScenario.BALANCE, file, Map.of()), err::toString);
        int spans = TraceChecks.assertMatchesSummary(summary(file), receiver.spans());
        assertEquals(receiver.spans().size(), spans);
        assertTrue(receiver.posts() >= 3, "two 503s, then the retry that worked: " + receiver.posts());
        assertTrue(out.toString().contains("; 0 dropped."), out::toString);
    }

    @Test
    void collectorThatNeverAnswersCostsTheRecordingAFewSecondsAndItsSpansAreCountedDropped() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        receiver = OtlpReceiver.silent();
        Path file = dir.resolve("silent.jsonl");
        long start = System.nanoTime();
        assertEquals(ExitCodes.OK, recordSpaceOperator(SoScenario.BALANCE, file, Map.of()), err::toString);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        // The exporter alone would wait 5 attempts of 10 s; the recording waits its close wait (5 s) at most.
        assertTrue(seconds < 20, "record took " + seconds + " s");
        JsonNode run = summary(file).get("runs").get(0);
        assertEquals("succeeded", run.get("status").asText(), "the recording itself is whole");
        int expected = 1 + run.get("executions").size() + run.get("not_run").size();
        assertTrue(receiver.posts() >= 1, "the spans were offered to the collector");
        assertTrue(err.toString().contains("; " + expected + " dropped (no answer before the recording ended)."), err::toString);
    }

    @Test
    void badEndpointOrPayloadsWithoutOneIsBadUsage() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        assertEquals(ExitCodes.USAGE, record(Map.of(), "--url", sim.spaceOperatorUrl().toString(), "--run", "r",
                "--otlp-endpoint", "localhost:4318"));
        assertTrue(err.toString().contains("--otlp-endpoint takes an http:// or https:// URL"), err::toString);
        assertEquals(ExitCodes.USAGE, record(Map.of(), "--url", sim.spaceOperatorUrl().toString(), "--run", "r", "--payloads"));
        assertTrue(err.toString().contains("--payloads and --payload-limit go with --otlp-endpoint"), err::toString);
        assertEquals(ExitCodes.USAGE, record(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "no-equals-sign"), "--url",
                sim.spaceOperatorUrl().toString(), "--run", "r", "--otlp-endpoint", "http://127.0.0.1:4318"));
        assertTrue(err.toString().contains("OTEL_EXPORTER_OTLP_HEADERS has an entry without"), err::toString);
        assertEquals(0, sim.connectionsOpened(), "nothing was started");
    }
}
