package dev.runlens.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.cli.RecordCommand;
import dev.runlens.json.Json;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.model.Gap;
import dev.runlens.protocol.RunEvent;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links that drop again and again, and servers that lose a run for a while: nothing received is lost, nothing ends early. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlakyLinkTest {
    @TempDir
    Path dir;
    private Simulator sim;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void fiveRunsThroughTwelveShortConnectionsInARowAreRecordedWholeWithinAMinute() throws Exception {
        // Runs go on while the client is away; finished runs stay findable for 30 s, as on a busy server.
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(300))
                .notFoundAfter(Duration.ofSeconds(30)).build());
        List<String> runs = new ArrayList<>();
        for (SoScenario s : List.of(SoScenario.BALANCE, SoScenario.FOREACH, SoScenario.FAILING, SoScenario.BALANCE, SoScenario.FOREACH)) {
            runs.add(sim.startRun(s));
        }
        // Each of the next twelve sockets is cut after six frames: the authentication answer and
        // the start of the first replay, so no connection of the storm brings a new event.
        sim.faults().dropStorm().start(12, 6);
        Path flaky = dir.resolve("flaky.jsonl");
        Instant started = Instant.now();
        // The standard backoff (1 s doubling to 30 s), as users get it.
        CompletableFuture<Integer> recording = CompletableFuture.supplyAsync(() -> record(runs, flaky, "--give-up-after", "100"));
        int status = recording.get(60, TimeUnit.SECONDS);
        Duration took = Duration.between(started, Instant.now());
        assertEquals(ExitCodes.OK, status, err::toString);
        assertTrue(sim.connectionsDropped() >= 10, "only " + sim.connectionsDropped() + " drops");
        assertEquals(0, sim.faults().dropStorm().left());

        Path whole = dir.resolve("whole.jsonl");
        assertEquals(ExitCodes.OK, record(runs, whole), err::toString);
        List<String> kept = eventData(flaky);
        List<String> reference = eventData(whole);
        assertEquals(new HashSet<>(kept).size(), kept.size(), "an event was recorded twice");
        assertEquals(reference.stream().sorted().toList(), kept.stream().sorted().toList(), "took " + took);
        assertTrue(reference.size() > 100, "only " + reference.size() + " events");
    }

    private int record(List<String> runs, Path out, String... more) {
        try {
            Path token = dir.resolve("token");
            Files.writeString(token, sim.demoToken() + "\n");
            List<String> args = new ArrayList<>(List.of("--url", sim.spaceOperatorUrl().toString(), "--out", out.toString(),
                    "--token-file", token.toString()));
            runs.forEach(r -> args.addAll(List.of("--run", r)));
            args.addAll(List.of(more));
            return CommandLines.execute(new RecordCommand(), args.toArray(String[]::new),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void runGoneAfterADisconnectHasAGapFromTheCutToTheReconnect() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20))
                .notFoundAfter(Duration.ofMillis(100)).dropEveryFrames(3).build());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = new CollectingListener();
        // 800 ms away: the run (15 events, 20 ms apart) finishes and is forgotten meanwhile.
        Backoff away = new Backoff(Duration.ofMillis(800), Duration.ofMillis(800));
        ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken()))
                .run(run).notFoundRetry(Duration.ZERO).build();
        Instant started = Instant.now();
        try (ConnectionService s = new ConnectionService(request, l, null, away)) {
            s.start();
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(30)), l.snapshotStates()::toString);
            assertEquals(List.of(run), s.runsIncomplete());
        }
        assertEquals(1, l.gaps.size(), l.gaps::toString);
        Gap gap = l.gaps.get(0);
        Duration length = Duration.between(gap.from(), gap.to());
        assertTrue(!gap.from().isBefore(started), gap::toString);
        assertTrue(length.toMillis() >= 750 && length.toMillis() < 5000, "gap of " + length);
    }

    @Test
    void runOnAnotherServerInstanceIsLookedForAgainUntilItIsFound() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().dropEveryFrames(4).build());
        sim.faults().holdRunsWhileUnwatched(true);
        // After the first cut, three sockets in a row reach an instance that does not hold the run.
        sim.faults().otherInstance().notFoundAfterDrop(3);
        String run = sim.startRun(SoScenario.FOREACH);
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                .token(Secret.of(sim.demoToken())).runIds(List.of(run)).build(), l, null, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(30)), l.snapshotStates()::toString);
            assertEquals(List.of(), s.runsIncomplete());
        }
        assertEquals(3, sim.faults().otherInstance().answered());
        assertEquals(List.of(), l.gaps);
        sim.faults().dropEveryFrames(0);
        CollectingListener reference = new CollectingListener();
        try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                .token(Secret.of(sim.demoToken())).runIds(List.of(run)).build(), reference, null, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            assertEquals(ConnectionState.FINISHED, reference.awaitEnd(Duration.ofSeconds(30)));
        }
        assertEquals(runEvents(reference), runEvents(l));
    }

    private static long runEvents(CollectingListener l) {
        return l.snapshotFrames().stream().filter(f -> f.event() instanceof RunEvent).count();
    }

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
}
