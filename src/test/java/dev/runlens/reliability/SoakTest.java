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

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak with disconnects: the simulator drops the connection every 50 event frames during one
 * long run; every reconnect replays the history, which the client must skip exactly. The default
 * size keeps `./mvnw verify` quick; `-Drunlens.soak.events=100000 -Drunlens.soak.minutes=60` is the
 * full soak (about 2,000 reconnects, each replaying the history; documented in the README).
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
        return SimulatorOptions.fastBuilder()
                .foreachIterations(Math.max(1, (EVENTS - 12) / 5))
                .eventInterval(Duration.ofMillis(1))
                .dropEveryFrames(dropEvery)
                .seed(99)
                .build();
    }

    /** {@code summary}: a digest of the recorded log's summary, so a long run's summary is not held while the heap is measured. */
    private record Outcome(String summary, int events, ConnectionState end, String message) {
    }

    private static String digest(String text) throws java.security.NoSuchAlgorithmException {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }

    private Outcome record(Simulator sim, String runId, String name) throws Exception {
        ModelListener listener = new ModelListener();
        Path log = dir.resolve(name + ".jsonl");
        ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken())).runIds(List.of(runId)).build();
        try (SessionRecorder recorder = SessionRecorder.start(log, new SessionHeader(1, "space-operator",
                request.displayUrl(), Instant.now(), null));
             ConnectionService service = new ConnectionService(request, listener, recorder,
                     new Backoff(Duration.ofMillis(1), Duration.ofMillis(20)))) {
            service.start();
            assertTrue(listener.end.await(Integer.getInteger("runlens.soak.minutes", 10), TimeUnit.MINUTES), "the run did not end");
        }
        Run run = listener.model.runs().get(0);
        SummaryBuilder fromLog = new SummaryBuilder();
        fromLog.add(log);
        assertEquals(run.events(), fromLog.model().runs().get(0).events(), "the model and the recorded log disagree");
        return new Outcome(digest(Json.compact(fromLog.toJson().get("runs"))), run.events(), listener.last, listener.message);
    }

    private record Soak(Outcome dropped, Outcome clean, int connections) {
    }

    /** Both recordings against one simulator, which is closed (and unreachable) on return. */
    private Soak soak() throws Exception {
        try (Simulator sim = Simulator.start(options(DROP_EVERY))) {
            // The run pauses while nobody watches or a replay is being sent, so neither reconnects nor
            // long replays let it run ahead: each connection moves it on by about 50 events.
            sim.faults().holdRunsWhileUnwatched(true);
            String runId = sim.startRun(SoScenario.FOREACH);
            Outcome dropped = record(sim, runId, "dropped");
            int connections = sim.connectionsOpened();
            // The finished run replays its whole history to a new subscriber, and replayed frames are
            // never dropped: that recording is the uninterrupted reference, with the same server times.
            Outcome clean = record(sim, runId, "reference");
            return new Soak(dropped, clean, connections);
        }
    }

    /**
     * The bytes of live objects, from the JVM's class histogram (it collects first and counts
     * only what is reachable). {@code totalMemory() - freeMemory()} after {@code System.gc()} also
     * counted what G1 left uncollected, and grew with the length of the run.
     */
    private static long liveHeapBytes() throws Exception {
        // Objects that only finalizable ones (sockets, inflaters) reach survive one more collection.
        System.gc();
        System.runFinalization();
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(histogram);
        assertTrue(total.find(), "no total in the class histogram");
        return Long.parseLong(total.group(1));
    }

    @Test
    void everyEventExactlyOnceThroughManyReconnectsWithNoThreadLeft() throws Exception {
        ThreadWatch threads = new ThreadWatch();
        long heapBefore = liveHeapBytes();
        long started = System.nanoTime();
        // In a method of its own: a local of this frame would keep the simulator's run history
        // (about 2 KB per event) reachable, and that history is not what is being checked.
        Soak soak = soak();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Outcome dropped = soak.dropped();
        Outcome clean = soak.clean();
        int connections = soak.connections();
        // Client and server threads alike must be gone once both are closed.
        List<String> leftover = threads.leftBehind(5000);
        // The least of three measurements: a leak stays, while what is still being released (a
        // closing socket's buffers) is gone by the next one.
        long after = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Thread.sleep(i == 0 ? 0 : 500);
            after = Math.min(after, liveHeapBytes());
        }
        long growthKb = (after - heapBefore) >> 10;
        System.out.printf("soak: %d events, %d connections, heap growth %d KB, threads %d before and %d after, %d s%n",
                dropped.events(), connections, growthKb, threads.before(), ThreadWatch.liveCount(), seconds);

        assertEquals(ConnectionState.FINISHED, dropped.end(), dropped.message());
        assertEquals(ConnectionState.FINISHED, clean.end(), clean.message());
        assertEquals(clean.events(), dropped.events(), "every event exactly once");
        assertTrue(clean.summary().equals(dropped.summary()), "the same summary as an uninterrupted recording");
        int expectedReconnects = clean.events() / DROP_EVERY;
        assertTrue(connections >= expectedReconnects * 8 / 10,
                "expected about " + expectedReconnects + " reconnects, saw " + connections + " connections");
        assertEquals(List.of(), leftover, "threads left behind after " + connections + " connections");
        assertTrue(growthKb < 16 * 1024, "heap grew by " + (growthKb >> 10) + " MB over " + connections + " connections");
    }
}
