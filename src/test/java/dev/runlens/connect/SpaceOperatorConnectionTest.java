package dev.runlens.connect;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionRecorder;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.Source;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
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
class SpaceOperatorConnectionTest {
    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));
    private static final Duration WAIT = Duration.ofSeconds(30);

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
        try (ConnectionService s = new ConnectionService(request, l, recorder, FAST)) {
            s.start();
            l.awaitEnd(WAIT);
        }
        return l;
    }

    private ConnectionRequest.Builder request(String... runs) {
        return ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken())).runIds(List.of(runs));
    }

    @Test
    void manyRunsOnOneConnectionAllFinishAndStreamZeroIsUsed() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String a = sim.startRun(SoScenario.BALANCE);
        String b = sim.startRun(SoScenario.FAILING);
        String c = sim.startRun(SoScenario.FOREACH);
        CollectingListener l = watch(request(a, b, c).build(), null);
        assertEquals(ConnectionState.FINISHED, stateOf(l), l.snapshotStates()::toString);
        assertEquals(1, sim.connectionsOpened());
        assertEquals(0, sim.originHeadersSeen(), "an Origin header was sent");
        List<ReceivedFrame> frames = l.snapshotFrames();
        assertTrue(frames.stream().anyMatch(f -> f.text().startsWith("{\"stream_id\":0,")), "stream 0 not used");
        long finishes = frames.stream().filter(f -> f.event() instanceof RunEvent.FlowFinished).count();
        assertEquals(3, finishes);
        assertTrue(frames.stream().noneMatch(f -> f.event() instanceof MalformedFrame));
        // Ids of our requests count up from 1.
        List<Long> ids = new ArrayList<>();
        frames.stream().filter(f -> f.event() instanceof ControlEvent.Response).forEach(f -> ids.add(((ControlEvent.Response) f.event()).id()));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids);
    }

    private static ConnectionState stateOf(CollectingListener l) {
        String last = l.snapshotStates().get(l.snapshotStates().size() - 1);
        return ConnectionState.valueOf(last.substring(0, last.indexOf(':')));
    }

    @Test
    void fallsBackToV1OnTheSameConnection() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().v1(true).build());
        String run = sim.startRun(SoScenario.BALANCE);
        Path file = dir.resolve("v1.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file,
                new SessionHeader(1, "space-operator", sim.spaceOperatorUrl().toString(), Instant.now(), "test"));
        CollectingListener l = watch(request(run).build(), recorder);
        recorder.close();
        assertEquals(ConnectionState.FINISHED, stateOf(l), l.snapshotStates()::toString);
        assertEquals(1, sim.connectionsOpened());
        assertTrue(l.snapshotFrames().get(0).text().startsWith("{\"id\":0,\"Err\""));
        assertTrue(l.snapshotFrames().stream().anyMatch(f -> f.event() instanceof RunEvent e && e.run().source() == Source.SPACE_OPERATOR_V1));
        SummaryBuilder summary = new SummaryBuilder();
        summary.add(file);
        assertEquals("space-operator-v1", summary.toJson().get("runs").get(0).get("source").asText());
        assertEquals("succeeded", summary.toJson().get("runs").get(0).get("status").asText());
    }

    @Test
    void v1FallbackAlsoResumesAfterDrops() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().v1(true).eventInterval(Duration.ofMillis(5))
                .foreachIterations(6).dropEveryFrames(4).build());
        String run = sim.startRun(SoScenario.FOREACH);
        CollectingListener l = watch(request(run).build(), null);
        assertEquals(ConnectionState.FINISHED, stateOf(l), l.snapshotStates()::toString);
        List<String> events = new ArrayList<>();
        l.snapshotFrames().stream().filter(f -> f.event() instanceof RunEvent).forEach(f -> events.add(f.text().replaceFirst("\"sub_id\":\\d+", "")));
        assertEquals(5 * 6 + 11, events.size());
        assertEquals(events.size(), events.stream().distinct().count());
    }

    @Test
    void forcedV2AgainstAV1ServerSaysSo() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().v1(true).build());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = watch(request(run).protocol(ProtocolChoice.SPACE_OPERATOR).build(), null);
        assertEquals(ConnectionState.FAILED, stateOf(l));
        assertTrue(l.lastMessage().contains("v1"), l.lastMessage());
    }

    @Test
    void forcedV1AgainstAV2ServerSaysSo() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = watch(request(run).protocol(ProtocolChoice.SPACE_OPERATOR_V1).build(), null);
        assertEquals(ConnectionState.FAILED, stateOf(l));
        assertTrue(l.lastMessage().contains("v2"), l.lastMessage());
    }

    @Test
    void twentyMegabyteFrameArrivesWhole() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BIG_OUTPUT);
        Path file = dir.resolve("big.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file, new SessionHeader(1, "space-operator", "ws://127.0.0.1/ws", Instant.now(), "test"));
        CollectingListener l = watch(request(run).build(), recorder);
        recorder.close();
        assertEquals(ConnectionState.FINISHED, stateOf(l), l.snapshotStates()::toString);
        ReceivedFrame big = l.snapshotFrames().stream().filter(f -> f.event() instanceof RunEvent.NodeOutput).findFirst().orElseThrow();
        assertTrue(big.text().length() > 20 * 1024 * 1024, "frame of " + big.text().length() + " chars");
        long[] longest = {0};
        LogReader.open(file).read(e -> {
            if (e instanceof LogEntry.Frame f) {
                longest[0] = Math.max(longest[0], f.text().length());
            }
        });
        assertEquals(big.text().length(), longest[0]);
    }

    @Test
    void fragmentedFramesAreReassembled() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().bigOutputBytes(3 * 1024 * 1024).build());
        sim.faults().fragmentFramesOver(64 * 1024);
        String run = sim.startRun(SoScenario.BIG_OUTPUT);
        CollectingListener l = watch(request(run).build(), null);
        assertEquals(ConnectionState.FINISHED, stateOf(l), l.snapshotStates()::toString);
        ReceivedFrame big = l.snapshotFrames().stream().filter(f -> f.event() instanceof RunEvent.NodeOutput).findFirst().orElseThrow();
        assertTrue(big.text().length() > 3 * 1024 * 1024);
        assertTrue(l.snapshotFrames().stream().noneMatch(f -> f.event() instanceof MalformedFrame));
    }

    @Test
    void fragmentedFrameOverTheLimitEndsWithASentence() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().bigOutputBytes(3 * 1024 * 1024).build());
        sim.faults().fragmentFramesOver(64 * 1024);
        String run = sim.startRun(SoScenario.BIG_OUTPUT);
        CollectingListener l = watch(request(run).maxMessageBytes(1024 * 1024).build(), null);
        assertEquals(ConnectionState.FAILED, stateOf(l), l.snapshotStates()::toString);
        assertTrue(l.lastMessage().contains("larger than the limit"), l.lastMessage());
        assertTrue(l.snapshotFrames().stream().noneMatch(f -> f.text().length() > 1024 * 1024));
    }

    @Test
    void frameOverTheLimitEndsWithASentence() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().bigOutputBytes(3 * 1024 * 1024).build());
        String run = sim.startRun(SoScenario.BIG_OUTPUT);
        CollectingListener l = watch(request(run).maxMessageBytes(1024 * 1024).build(), null);
        assertEquals(ConnectionState.FAILED, stateOf(l), l.snapshotStates()::toString);
        assertTrue(l.lastMessage().contains("larger than the limit"), l.lastMessage());
        assertEquals(1, sim.connectionsOpened());
    }

    @Test
    void subscribingWithoutTokenIsUnauthorized() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = watch(ConnectionRequest.builder(sim.spaceOperatorUrl()).run(run).build(), null);
        assertEquals(ConnectionState.UNAUTHORIZED, stateOf(l));
    }

    @Test
    void runAddedLaterIsSubscribedOnTheOpenConnection() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        String first = sim.startRun(SoScenario.FOREACH);
        String second = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(request(first).build(), l, null, FAST)) {
            s.start();
            s.subscribe(second);
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(WAIT));
        }
        assertEquals(1, sim.connectionsOpened());
        assertEquals(2, l.snapshotFrames().stream().filter(f -> f.event() instanceof RunEvent.FlowFinished).count());
    }

    @Test
    void malformedFramesAreRecordedAndTheConnectionCarriesOn() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().malformedEveryFrames(5).build());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = watch(request(run).build(), null);
        assertEquals(ConnectionState.FINISHED, stateOf(l));
        assertTrue(l.snapshotFrames().stream().anyMatch(f -> f.event() instanceof MalformedFrame));
        assertFalse(l.snapshotFrames().stream().filter(f -> f.event() instanceof RunEvent).toList().isEmpty());
    }

    @Test
    void policyCloseStopsButServerErrorCloseReconnects() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().dropEveryFrames(4).build());
        sim.faults().holdRunsWhileUnwatched(true);
        sim.faults().dropCloseCode(1008);
        CollectingListener policy = watch(request(sim.startRun(SoScenario.BALANCE)).build(), null);
        assertEquals(ConnectionState.FAILED, stateOf(policy));
        assertTrue(policy.lastMessage().contains("policy violation (close code 1008)"), policy.lastMessage());
        assertEquals(1, sim.connectionsOpened());

        sim.faults().dropCloseCode(1011);
        CollectingListener serverError = watch(request(sim.startRun(SoScenario.BALANCE)).build(), null);
        assertEquals(ConnectionState.FINISHED, stateOf(serverError));
        assertTrue(serverError.snapshotStates().stream().anyMatch(s -> s.contains("internal error (close code 1011)")));
        assertTrue(sim.connectionsOpened() > 2);
    }

    @Test
    void connectionWithoutRunsWaitsLiveForASubscription() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(request().build(), l, null, FAST)) {
            s.start();
            for (int i = 0; i < 500 && s.state() != ConnectionState.LIVE; i++) {
                Thread.sleep(10);
            }
            assertEquals(ConnectionState.LIVE, s.state(), l.snapshotStates()::toString);
            s.subscribe(run);
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(WAIT));
        }
        assertEquals(1, sim.connectionsOpened());
    }

    @Test
    void slowResponsesAreWaitedFor() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().responseDelay(Duration.ofMillis(200)).build());
        String run = sim.startRun(SoScenario.FAILING);
        CollectingListener l = watch(request(run).build(), null);
        assertEquals(ConnectionState.FINISHED, stateOf(l));
    }
}
