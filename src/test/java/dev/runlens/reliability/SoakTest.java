package dev.runlens.reliability;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.json.Json;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionRecorder;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak with disconnects: the simulator drops the connection every 50 event frames during one
 * long run; every reconnect replays the history, which the client must skip exactly. The default
 * size keeps `./mvnw verify` quick; `-Drunlens.soak.events=100000` is the full soak (about 2,000
 * reconnects, documented in the README).
 */
class SoakTest {
    private static final int EVENTS = Integer.getInteger("runlens.soak.events", 5_000);
    private static final int DROP_EVERY = 50;

    @TempDir
    Path dir;

    /** Applies frames to a model, as the dashboard would, and keeps nothing else. */
    private static final class ModelListener implements ConnectionListener {
        final RunModel model = new RunModel();
        final CountDownLatch end = new CountDownLatch(1);
        volatile ConnectionState last;
        volatile String message;
        long frames;

        @Override
        public synchronized void onFrame(ReceivedFrame frame) {
            frames++;
            if (frame.event() instanceof RunEvent e) {
                model.apply(e);
            }
        }

        @Override
        public void onState(ConnectionState state, String msg) {
            last = state;
            message = msg;
            if (state.terminal()) {
                end.countDown();
            }
        }
    }

    private static SimulatorOptions options(int dropEvery) {
        return SimulatorOptions.fast().toBuilder()
                .foreachIterations(Math.max(1, (EVENTS - 12) / 5))
                .eventInterval(Duration.ofMillis(1))
                .dropEveryFrames(dropEvery)
                .seed(99)
                .build();
    }

    private record Outcome(String summary, int events, ConnectionState end, String message) {
    }

    private Outcome record(Simulator sim, String runId, String name) throws Exception {
        ModelListener listener = new ModelListener();
        Path log = dir.resolve(name + ".jsonl");
        ConnectionRequest request = ConnectionRequest.spaceOperator(sim.spaceOperatorUrl(), Secret.of(sim.demoToken()), List.of(runId));
        try (SessionRecorder recorder = SessionRecorder.start(log, new SessionHeader(1, "space-operator",
                request.displayUrl(), Instant.now(), null));
             ConnectionService service = new ConnectionService(request, listener, recorder,
                     new Backoff(Duration.ofMillis(1), Duration.ofMillis(20)))) {
            service.start();
            assertTrue(listener.end.await(10, TimeUnit.MINUTES), "the run did not end");
        }
        Run run = listener.model.runs().get(0);
        SummaryBuilder fromLog = new SummaryBuilder();
        fromLog.add(log);
        assertEquals(run.events(), fromLog.model().runs().get(0).events(), "the model and the recorded log disagree");
        return new Outcome(Json.compact(fromLog.toJson().get("runs")), run.events(), listener.last, listener.message);
    }

    @Test
    void everyEventExactlyOnceThroughManyReconnectsWithNoThreadLeft() throws Exception {
        ThreadWatch threads = new ThreadWatch();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        Outcome dropped;
        Outcome clean;
        int connections;
        try (Simulator sim = Simulator.start(options(DROP_EVERY))) {
            // The run pauses while nobody watches or a replay is being sent, so neither reconnects nor
            // long replays let it run ahead: each connection moves it on by about 50 events.
            sim.faults().holdRunsWhileUnwatched(true);
            String runId = sim.startRun(SoScenario.FOREACH);
            dropped = record(sim, runId, "dropped");
            connections = sim.connectionsOpened();
            // The finished run replays its whole history to a new subscriber, and replayed frames are
            // never dropped: that recording is the uninterrupted reference, with the same server times.
            clean = record(sim, runId, "reference");
        }
        // Measured with the simulator closed: its run history is not what is being checked.
        System.gc();
        long growthMb = ((rt.totalMemory() - rt.freeMemory()) - heapBefore) >> 20;
        // Client and server threads alike must be gone once both are closed.
        List<String> leftover = threads.leftBehind(5000);
        {

            assertEquals(ConnectionState.FINISHED, dropped.end(), dropped.message());
            assertEquals(ConnectionState.FINISHED, clean.end(), clean.message());
            assertEquals(clean.events(), dropped.events(), "every event exactly once");
            assertTrue(clean.summary().equals(dropped.summary()), "the same summary as an uninterrupted recording");
            int expectedReconnects = clean.events() / DROP_EVERY;
            assertTrue(connections >= expectedReconnects * 8 / 10,
                    "expected about " + expectedReconnects + " reconnects, saw " + connections + " connections");
            assertEquals(List.of(), leftover, "threads left behind after " + connections + " connections");
            assertTrue(growthMb < 64, "heap grew by " + growthMb + " MB over " + connections + " connections");
            System.out.printf("soak: %d events, %d connections, heap growth %d MB%n", dropped.events(), connections, growthMb);
        }
    }
}
