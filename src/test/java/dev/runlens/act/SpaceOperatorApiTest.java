package dev.runlens.act;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.json.Json;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start, stop and ApiInput answers over real HTTP against the simulator, watched over its real WebSocket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpaceOperatorApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Simulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(30)).build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SpaceOperatorApi api(String token) {
        return new SpaceOperatorApi(ApiTarget.spaceOperator(sim.spaceOperatorUrl(), token == null ? null : Secret.of(token), null, false));
    }

    private WatchedRun watch(String runId) throws Exception {
        return new WatchedRun(ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken())).runIds(List.of(runId)).build(),
                dir.resolve(runId + ".jsonl"));
    }

    @Test
    void startedRunStreamsWithItsTypedInputs() throws Exception {
        Map<String, Value> inputs = FlowInputs.parse("{\"amount\": 1.50, \"count\": 3, \"who\": \"ann\"}", FlowInputs.Form.PLAIN,
                Map.of("count", Tag.U));
        String runId = api(sim.demoToken()).start(Simulator.flowId(SoScenario.BALANCE), inputs);
        try (WatchedRun run = watch(runId)) {
            assertEquals(ConnectionState.FINISHED, run.awaitEnd(WAIT));
            String output = run.await(f -> f.contains("NodeOutput") && f.contains("amount"), WAIT);
            assertTrue(output.contains("{\"M\":{\"amount\":{\"D\":\"1.50\"},\"count\":{\"U\":\"3\"},\"who\":{\"S\":\"ann\"}}}"), output);
            assertTrue(run.frames().stream().anyMatch(f -> f.contains("FlowFinish")));
        }
    }

    @Test
    void startOnTheOpenConnectionIsSubscribedAtOnce() throws Exception {
        String other = sim.startRun(SoScenario.FOREACH);
        try (WatchedRun run = watch(other)) {
            run.awaitState(ConnectionState.LIVE, WAIT);
            String runId = api(sim.demoToken()).start(Simulator.flowId(SoScenario.BALANCE), Map.of());
            run.service().subscribe(runId);
            String first = run.await(f -> f.contains(runId), WAIT);
            assertTrue(first.contains("FlowLog") || first.contains("FlowStart"), first);
            run.await(f -> f.contains(runId) && f.contains("FlowFinish"), WAIT);
        }
    }

    @Test
    void unknownFlowIsOneSentenceAndStartsNothing() {
        List<String> before = sim.liveSpaceOperatorRuns();
        ActionFailure f = assertThrows(ActionFailure.class, () -> api(sim.demoToken()).start("no-such-flow", Map.of()));
        assertEquals(ActionFailure.Kind.NOT_FOUND, f.kind());
        assertEquals("Starting flow no-such-flow failed: 127.0.0.1:" + sim.port() + " does not know it (HTTP 404) (\"not found\").",
                f.sentence());
        assertEquals(before, sim.liveSpaceOperatorRuns());
    }

    @Test
    void refusedTokenSaysSoWithoutTheToken() {
        ActionFailure f = assertThrows(ActionFailure.class,
                () -> api("b3-wrong-token").start(Simulator.flowId(SoScenario.BALANCE), Map.of()));
        assertEquals(ActionFailure.Kind.TOKEN_REFUSED, f.kind());
        assertTrue(f.sentence().contains("refused the token (HTTP 401, unauthenticated)"), f.sentence());
        assertFalse(f.sentence().contains("b3-wrong-token"));
        assertTrue(sim.liveSpaceOperatorRuns().isEmpty());
    }

    @Test
    void stoppedRunEndsWithTheEventsOfAStop() throws Exception {
        String runId = api(sim.demoToken()).start(Simulator.flowId(SoScenario.FOREACH), Map.of());
        try (WatchedRun run = watch(runId)) {
            run.await(f -> f.contains("NodeStart"), WAIT);
            api(sim.demoToken()).stop(runId, "wrong wallet");
            assertEquals(ConnectionState.FINISHED, run.awaitEnd(WAIT));
            List<String> frames = run.frames();
            assertTrue(frames.stream().anyMatch(f -> f.contains("stop requested: wrong wallet")), frames::toString);
            assertTrue(frames.stream().anyMatch(f -> f.contains("\"error\":\"canceled\"")), frames::toString);
            assertTrue(frames.get(frames.size() - 1).contains("FlowFinish"), frames::toString);
        }
    }

    @Test
    void stoppingAFinishedRunIsNotFound() throws Exception {
        String runId = sim.startRun(SoScenario.BALANCE);
        while (sim.liveSpaceOperatorRuns().contains(runId)) {
            Thread.sleep(10);
        }
        ActionFailure f = assertThrows(ActionFailure.class, () -> api(sim.demoToken()).stop(runId, null));
        assertEquals(ActionFailure.Kind.NOT_FOUND, f.kind());
        assertTrue(f.sentence().startsWith("Stopping run " + runId + " failed"), f.sentence());
    }

    @Test
    void runWaitsForItsInputUntilAnswered() throws Exception {
        String runId = api(sim.demoToken()).start(Simulator.flowId(SoScenario.SIGNATURE_AND_API_INPUT), Map.of());
        try (WatchedRun run = watch(runId)) {
            String input = run.await(f -> f.contains("\"ApiInput\""), WAIT);
            URI url = URI.create(Json.parse(input).path("data").path("url").asText());
            Thread.sleep(300); // ten event intervals: a run that did not wait would have finished
            assertTrue(sim.liveSpaceOperatorRuns().contains(runId));
            assertFalse(run.frames().stream().anyMatch(f -> f.contains("FlowFinish")));
            api(sim.demoToken()).answer(url, new Value.Str("approved by ops"));
            assertEquals(ConnectionState.FINISHED, run.awaitEnd(WAIT));
            assertTrue(run.frames().stream().anyMatch(f -> f.contains("{\"value\":{\"S\":\"approved by ops\"}}")), run.frames()::toString);
        }
    }

    @Test
    void cancelledInputFailsTheNodeAndEndsTheRun() throws Exception {
        String runId = api(sim.demoToken()).start(Simulator.flowId(SoScenario.SIGNATURE_AND_API_INPUT), Map.of());
        try (WatchedRun run = watch(runId)) {
            String input = run.await(f -> f.contains("\"ApiInput\""), WAIT);
            URI url = URI.create(Json.parse(input).path("data").path("url").asText());
            api(sim.demoToken()).cancel(url);
            assertEquals(ConnectionState.FINISHED, run.awaitEnd(WAIT));
            assertTrue(run.frames().stream().anyMatch(f -> f.contains("api input cancelled")), run.frames()::toString);
            ActionFailure again = assertThrows(ActionFailure.class, () -> api(sim.demoToken()).cancel(url));
            assertEquals(ActionFailure.Kind.NOT_FOUND, again.kind());
        }
    }

    @Test
    void malformedValueIsRefusedBeforeAnythingIsSent() {
        Value bad = new Value.Malformed(Json.object().put("U", 5), "numbers are strings");
        ActionFailure f = assertThrows(ActionFailure.class,
                () -> api(sim.demoToken()).start(Simulator.flowId(SoScenario.BALANCE), Map.of("n", bad)));
        assertEquals(ActionFailure.Kind.BAD_INPUT, f.kind());
        assertTrue(sim.liveSpaceOperatorRuns().isEmpty());
    }

    @Test
    void tokenIsNeverSentOverPlainHttpToARemoteHost() {
        SpaceOperatorApi remote = new SpaceOperatorApi(ApiTarget.spaceOperator(URI.create("ws://runs.example.com:8080/ws"),
                Secret.of("b3-secret"), null, false));
        ActionFailure f = assertThrows(ActionFailure.class, () -> remote.stop("r1", null));
        assertEquals(ActionFailure.Kind.INSECURE, f.kind());
        assertTrue(f.sentence().startsWith("http:// to runs.example.com is not encrypted"), f.sentence());
    }

    @Test
    void inputAnswersCarryTheTokenOnlyToTheSameServer() {
        URI base = URI.create("http://127.0.0.1:8080");
        assertTrue(SpaceOperatorApi.sameOrigin(URI.create("http://127.0.0.1:8080/flow/api_input/x"), base));
        assertFalse(SpaceOperatorApi.sameOrigin(URI.create("http://127.0.0.1:9999/flow/api_input/x"), base));
        assertFalse(SpaceOperatorApi.sameOrigin(URI.create("https://127.0.0.1:8080/x"), base));
        assertFalse(SpaceOperatorApi.sameOrigin(URI.create("http://evil.example:8080/x"), base));
    }
}
