package dev.runlens.cli;

import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.Backoff;
import dev.runlens.json.Json;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordCommandTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));

    @TempDir
    Path dir;
    private Simulator sim;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private int record(String token, String... args) {
        return recordWith(Map.of("RUNLENS_TOKEN", token), args);
    }

    private int recordWith(Map<String, String> environment, String... args) {
        RecordCommand command = new RecordCommand(environment::get, FAST);
        return CommandLines.execute(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runRecordedThroughTwentyDropsKeepsEveryEventOnceAndSummarizesLikeAnUninterruptedOne() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().foreachIterations(30).dropEveryFrames(3).build());
        sim.faults().holdRunsWhileUnwatched(true); // every drop happens mid-run, however slow the machine
        String run = sim.startRun(SoScenario.FOREACH);
        Path interrupted = dir.resolve("interrupted.jsonl");
        assertEquals(ExitCodes.OK, record(sim.demoToken(), "--url", sim.spaceOperatorUrl().toString(),
                "--run", run, "--out", interrupted.toString(), "--give-up-after", "30"), err::toString);
        assertTrue(sim.connectionsDropped() >= 20, "only " + sim.connectionsDropped() + " drops");

        sim.faults().dropEveryFrames(0);
        Path whole = dir.resolve("whole.jsonl");
        assertEquals(ExitCodes.OK, record(sim.demoToken(), "--url", sim.spaceOperatorUrl().toString(),
                "--run", run, "--out", whole.toString()), err::toString);

        List<String> kept = eventData(interrupted);
        List<String> reference = eventData(whole);
        assertEquals(5 * 30 + 11, reference.size());
        assertEquals(new HashSet<>(kept).size(), kept.size(), "an event was recorded twice");
        assertEquals(reference, kept);
        assertEquals(summaryRuns(whole), summaryRuns(interrupted));
        assertEquals("succeeded", summaryRuns(interrupted).get(0).path("status").asText());
        assertTrue(metaKinds(interrupted).contains("reconnecting"));
        assertNoToken(sim.demoToken());
    }

    @Test
    void wrongTokenExitsThreeWithoutRetrying() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BALANCE);
        Path file = dir.resolve("refused.jsonl");
        assertEquals(ExitCodes.TOKEN_REFUSED, record("b3-not-the-right-key", "--url", sim.spaceOperatorUrl().toString(),
                "--run", run, "--out", file.toString()));
        Thread.sleep(300); // a retry loop would have reconnected by now (backoff is 5 ms)
        assertEquals(1, sim.connectionsOpened());
        assertEquals(1, sim.authenticateRequests());
        assertTrue(err.toString().contains("refused the token"), err::toString);
        assertNoToken("b3-not-the-right-key");
    }

    @Test
    void unknownRunExitsFour() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        assertEquals(ExitCodes.NOT_FOUND, record(sim.demoToken(), "--url", sim.spaceOperatorUrl().toString(),
                "--run", "5d7c4f3e-0000-4000-8000-000000000000", "--out", dir.resolve("nf.jsonl").toString()));
        assertTrue(err.toString().contains("not live on this server"), err::toString);
    }

    @Test
    void tokenAsArgumentIsRefused() {
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws", "--run", "r", "--token", "b3-secret"));
        assertFalse(err.toString().contains("b3-secret"));
        assertFalse(out.toString().contains("b3-secret"));
    }

    @Test
    void spaceOperatorNeedsARunAndLyzrRefusesOne() {
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws", "--out", dir.resolve("a").toString()));
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws/Flow/run-1", "--run", "r",
                "--out", dir.resolve("b").toString()));
        assertEquals(ExitCodes.USAGE, record("x", "--url", "http://127.0.0.1:1/ws", "--run", "r"));
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws", "--run", "r", "--idle-timeout", "-3"));
    }

    @Test
    void lyzrRunIsReconciledWithTheApiKeyFromTheEnvironmentWhichIsNeverWritten() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(java.time.Duration.ofMillis(20)).dropEveryFrames(3).build());
        sim.faults().holdRunsWhileUnwatched(true);
        String flow = "Customer Support Pipeline";
        String taskId = LyzrApiCalls.startRun(sim, LyzrScenario.SUPPORT_PIPELINE, flow, "run-cli");
        Path file = dir.resolve("lyzr.jsonl");
        assertEquals(ExitCodes.OK, recordWith(Map.of("MY_LYZR_KEY", sim.demoToken()), "--url", sim.lyzrUrl(flow, "run-cli").toString(),
                "--lyzr-task-id", taskId, "--lyzr-api-key-env", "MY_LYZR_KEY", "--lyzr-api", sim.lyzrApiUrl().toString(),
                "--out", file.toString()), err::toString);
        assertTrue(sim.connectionsDropped() >= 2);
        assertTrue(sim.taskStatusRequests() >= 1);
        assertTrue(out.toString().contains("Reconciled from task-status"), out::toString);
        JsonNode run = summaryRuns(file).get(0);
        assertEquals("succeeded", run.path("status").asText());
        assertTrue(run.path("gaps").size() >= 1, run::toString);
        assertTrue(run.path("reconciled").size() >= 1, run::toString);
        assertTrue(metaKinds(file).contains("reconciled"));
        assertNoToken(sim.demoToken());
    }

    @Test
    void lyzrApiKeyIsNeverAnArgumentAndATaskIdNeedsOne() {
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws/Flow/run-1", "--lyzr-task-id", "t-1",
                "--lyzr-api-key", "lyzr-secret-key"));
        assertFalse(err.toString().contains("lyzr-secret-key"));
        assertFalse(out.toString().contains("lyzr-secret-key"));
        err.reset();
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws/Flow/run-1", "--lyzr-task-id", "t-1"));
        assertTrue(err.toString().contains("LYZR_API_KEY"), err::toString);
        assertEquals(ExitCodes.USAGE, recordWith(Map.of("LYZR_API_KEY", "k"), "--url", "ws://127.0.0.1:1/ws", "--run", "r",
                "--lyzr-task-id", "t-1"));
        assertEquals(ExitCodes.USAGE, recordWith(Map.of("LYZR_API_KEY", "k"), "--url", "ws://127.0.0.1:1/ws/Flow/run-1",
                "--lyzr-task-id", "t-1", "--lyzr-api", "ftp://example"));
        assertEquals(ExitCodes.USAGE, record("x", "--url", "ws://127.0.0.1:1/ws/Flow/run-1", "--lyzr-api-key-env", "K"));
    }

    @Test
    void tokenFileIsReadAndNeverWritten() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.SIGNATURE_AND_API_INPUT);
        Path tokenFile = dir.resolve("token.txt");
        Files.writeString(tokenFile, sim.demoToken() + "\n");
        Path file = dir.resolve("sig.jsonl");
        assertEquals(ExitCodes.OK, record("b3-wrong", "--url", sim.spaceOperatorUrl().toString(), "--run", run,
                "--token-file", tokenFile.toString(), "--out", file.toString()), err::toString);
        Files.delete(tokenFile);
        assertNoToken(sim.demoToken());
        JsonNode runJson = summaryRuns(file).get(0);
        assertEquals("succeeded", runJson.path("status").asText());
    }

    /** The data of every run event in a log, in order (the stream ids differ between recordings). */
    static List<String> eventData(Path log) throws IOException {
        List<String> data = new ArrayList<>();
        LogReader.open(log).read(entry -> {
            if (entry instanceof LogEntry.Frame f) {
                try {
                    JsonNode n = Json.parse(f.text());
                    if (n.has("stream_id")) {
                        data.add(n.get("event").asText() + Json.compact(n.get("data")));
                    }
                } catch (IOException e) {
                    data.add("unreadable " + f.text());
                }
            }
        });
        return data;
    }

    static JsonNode summaryRuns(Path log) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(log);
        return b.toJson().get("runs");
    }

    static Set<String> metaKinds(Path log) throws IOException {
        Set<String> kinds = new HashSet<>();
        LogReader.open(log).read(entry -> {
            if (entry instanceof LogEntry.Meta m) {
                kinds.add(m.kind());
            }
        });
        return kinds;
    }

    /** Reads back every file written and everything printed: the token is nowhere. */
    private void assertNoToken(String token) throws IOException {
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(token), "token on stdout");
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(token), "token on stderr");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                assertFalse(text.contains(token), "token written to " + f);
            }
        }
    }
}
