package dev.runlens.connect;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionRecorder;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs that are gone from the socket: their final output comes from GET /flow/output/{id}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FinalOutputTest {
    @TempDir
    Path dir;

    @Test
    void theOutputOfALiveRunIsHeldBackUntilItFinishesAsTheSpecSays() throws Exception {
        // Spec: GET /flow/output "blocks until the run finishes while it is live".
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(150)).build())) {
            String run = sim.startRun(SoScenario.BALANCE);
            ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken())).runIds(List.of(run)).build();
            assertEquals(null, FinalOutputFetcher.fetch(request, run, Duration.ofMillis(300)), "no answer while the run is live");
            assertTrue(sim.liveSpaceOperatorRuns().contains(run), "the run is still live after the timeout");
            String output = FinalOutputFetcher.fetch(request, run, Duration.ofSeconds(30));
            assertEquals("{\"M\":{\"balance\":{\"U\":\"1500000000\"}}}", output);
            assertEquals(null, FinalOutputFetcher.fetch(request, "no-such-run", Duration.ofSeconds(5)), "an unknown run: 404 at once");
        }
    }

    @Test
    void finishedRunIsNotFoundButItsOutputIsFetched() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().notFoundAfter(Duration.ofMillis(1)).build())) {
            String run = sim.startRun(SoScenario.BALANCE);
            while (sim.liveSpaceOperatorRuns().contains(run)) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            Path file = dir.resolve("gone.jsonl");
            SessionRecorder recorder = SessionRecorder.start(file, new SessionHeader(1, "space-operator", "ws://x/ws", Instant.now(), "t"));
            CollectingListener l = new CollectingListener();
            try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                    .token(Secret.of(sim.demoToken())).runIds(List.of(run)).build(), l, recorder, SpaceOperatorConnectionTest.FAST)) {
                s.start();
                assertEquals(ConnectionState.NOT_FOUND, l.awaitEnd(Duration.ofSeconds(30)), l.snapshotStates()::toString);
            }
            recorder.close();
            assertEquals(List.of(run + " {\"M\":{\"balance\":{\"U\":\"1500000000\"}}}"), l.finalOutputs);
            List<String> metas = new ArrayList<>();
            LogReader.open(file).read(e -> {
                if (e instanceof LogEntry.Meta m) {
                    metas.add(m.kind());
                }
            });
            assertTrue(metas.contains("final_output"), metas::toString);
        }
    }

    @Test
    void runThatFinishedWhileDisconnectedGetsAGapAndItsOutput() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().notFoundAfter(Duration.ofMillis(1))
                .dropEveryFrames(3).build())) {
            String run = sim.startRun(SoScenario.FOREACH);
            CollectingListener l = new CollectingListener();
            // Reconnecting after a whole second leaves the run (about 50 events, 2 ms apart) time to finish and vanish.
            Backoff slow = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
            try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                    .token(Secret.of(sim.demoToken())).runIds(List.of(run)).build(), l, null, slow)) {
                s.start();
                assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(30)), l.snapshotStates()::toString);
                assertEquals(List.of(run), s.runsIncomplete());
            }
            assertEquals(1, l.gaps.size());
            assertEquals(1, l.finalOutputs.size());
            assertFalse(l.snapshotStates().stream().anyMatch(st -> st.contains(sim.demoToken())));
        }
    }
}
