package dev.runlens.connect;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionMeta;
import dev.runlens.log.SessionRecorder;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.AfterEach;
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

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LyzrConnectionTest {
    @TempDir
    Path dir;
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private CollectingListener watch(ConnectionRequest request, SessionRecorder recorder) throws InterruptedException {
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(request, l, recorder, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            l.awaitEnd(Duration.ofSeconds(30));
        }
        return l;
    }

    private static ConnectionState last(CollectingListener l) {
        String s = l.snapshotStates().get(l.snapshotStates().size() - 1);
        return ConnectionState.valueOf(s.substring(0, s.indexOf(':')));
    }

    @Test
    void urlSegmentsArePercentEncodedAndNoiseIsAccepted() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        LyzrRunName run = sim.startLyzrRun(LyzrScenario.SUPPORT_PIPELINE);
        assertTrue(sim.lyzrUrl(run.flow(), run.run()).toString().contains("/Customer%20Support%20Pipeline/"));
        CollectingListener l = watch(ConnectionRequest.builder(sim.lyzrUrl(run.flow(), run.run())).protocol(ProtocolChoice.LYZR).build(), null);
        assertEquals(ConnectionState.FINISHED, last(l), l.snapshotStates()::toString);
        List<ReceivedFrame> frames = l.snapshotFrames();
        assertTrue(frames.stream().anyMatch(f -> f.event() instanceof ControlEvent.Greeting), "no greeting");
        assertTrue(frames.stream().anyMatch(f -> f.event() instanceof ControlEvent.Keepalive), "no keepalive");
        assertTrue(frames.stream().anyMatch(f -> f.text().equals("connection established")
                && f.event() instanceof ControlEvent.TextFrame), "plain text frame missing or shown as an error");
        assertTrue(frames.stream().noneMatch(f -> f.event() instanceof dev.runlens.protocol.MalformedFrame));
        assertTrue(frames.stream().anyMatch(f -> f.event() instanceof RunEvent.FlowFinished));
        assertTrue(l.gaps.isEmpty());
        assertEquals(1, sim.connectionsOpened());
    }

    @Test
    void reconnectAfterADropRecordsAGap() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(30)).dropEveryFrames(3).build());
        sim.faults().holdRunsWhileUnwatched(true); // the run waits for the reconnect, so it surely ends while connected
        LyzrRunName run = sim.startLyzrRun(LyzrScenario.SUPPORT_PIPELINE);
        Path file = dir.resolve("lyzr.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file, new SessionHeader(1, "lyzr", "ws://127.0.0.1/ws/x/y", Instant.now(), "test"));
        // An API key without the run-dag task_id: nothing to reconcile, so nothing is asked.
        CollectingListener l = watch(ConnectionRequest.builder(sim.lyzrUrl(run.flow(), run.run()))
                .lyzrApiKey(Secret.of(sim.demoToken())).build(), recorder);
        recorder.close();
        assertEquals(ConnectionState.FINISHED, last(l), l.snapshotStates()::toString);
        assertTrue(sim.connectionsDropped() >= 1);
        assertEquals(0, sim.taskStatusRequests(), "task-status asked without a task_id");
        assertFalse(l.gaps.isEmpty(), "no gap after a drop");
        assertTrue(l.gaps.get(0).reason().contains("no") || l.gaps.get(0).reason().contains("replay"));
        List<String> metas = new ArrayList<>();
        LogReader.open(file).read(e -> {
            if (e instanceof LogEntry.Meta m) {
                metas.add(m.kind());
            }
        });
        assertTrue(metas.contains(SessionMeta.GAP), metas::toString);
        SummaryBuilder summary = new SummaryBuilder();
        summary.add(file);
        assertEquals(1, summary.model().runs().size());
        assertFalse(summary.model().runs().get(0).gaps().isEmpty());
    }

    @Test
    void heartbeatIsAPingTextFrame() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(60)).build());
        LyzrRunName run = sim.startLyzrRun(LyzrScenario.SUPPORT_PIPELINE);
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.lyzrUrl(run.flow(), run.run()))
                .protocol(ProtocolChoice.LYZR).build(), l, null,
                SpaceOperatorConnectionTest.FAST)) {
            s.heartbeat(Duration.ofMillis(50));
            s.start();
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(30)));
        }
        assertTrue(l.snapshotFrames().stream().anyMatch(f -> f.text().equals("{\"event_type\":\"pong\"}")), "no pong");
        assertTrue(l.snapshotFrames().stream().anyMatch(f -> f.text().contains("Echoing: {\\\"type\\\":\\\"ping\\\"}")),
                "the ping was not {\"type\":\"ping\"}");
    }

    @Test
    void failingRunEndsTheConnection() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(5)).build());
        LyzrRunName run = sim.startLyzrRun(LyzrScenario.FAILURE);
        CollectingListener l = watch(ConnectionRequest.builder(sim.lyzrUrl(run.flow(), run.run())).protocol(ProtocolChoice.LYZR).build(), null);
        assertEquals(ConnectionState.FINISHED, last(l));
        assertTrue(l.snapshotFrames().stream().anyMatch(f -> f.event() instanceof RunEvent.FlowError fe && fe.endsRun()));
    }

    @Test
    void unknownRunStaysSilentUntilTheIdleTimeout() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        ConnectionRequest request = ConnectionRequest.builder(sim.lyzrUrl("Nobody", "run-none"))
                .idleTimeout(Duration.ofMillis(500)).build();
        CollectingListener l = watch(request, null);
        assertEquals(ConnectionState.FAILED, last(l));
        assertTrue(l.lastMessage().contains("No frame"), l.lastMessage());
        assertEquals(1, sim.connectionsOpened());
    }
}
