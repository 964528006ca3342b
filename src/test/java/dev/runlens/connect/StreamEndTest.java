package dev.runlens.connect;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionRecorder;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
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

/** Space Operator streams that end without FlowFinish: v1's Done, and runs that just go quiet. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamEndTest {
    @TempDir
    Path dir;
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void v1DoneEndsTheStreamOfARunThatSentNoFlowFinish() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().v1(true).build());
        sim.faults().holdRunsWhileUnwatched(true); // the run waits for us, so we are live when Done comes
        sim.faults().endRunsWithoutFinish(true);
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                .token(Secret.of(sim.demoToken())).runIds(List.of(run)).build(), l, null, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(15)), l.snapshotStates()::toString);
        }
        assertFalse(l.snapshotFrames().stream().anyMatch(f -> f.event() instanceof RunEvent.FlowFinished));
        assertTrue(l.snapshotFrames().stream().anyMatch(f -> f.text().contains("\"Done\"")));
    }

    @Test
    void quietRunThatTheServerSaysIsOverEndsWithAGapFromItsLastEvent() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        sim.faults().holdRunsWhileUnwatched(true);
        sim.faults().endRunsWithoutFinish(true);
        String run = sim.startRun(SoScenario.BALANCE);
        Path file = dir.resolve("quiet.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file, new SessionHeader(1, "space-operator", "ws://127.0.0.1/ws", Instant.now(), "test"));
        CollectingListener l = new CollectingListener();
        ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken()))
                .run(run).quietPeriod(Duration.ofMillis(400)).build();
        try (ConnectionService s = new ConnectionService(request, l, recorder, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            assertEquals(ConnectionState.FINISHED, l.awaitEnd(Duration.ofSeconds(20)), l.snapshotStates()::toString);
            assertEquals(List.of(), s.runsIncomplete());
        }
        recorder.close();
        List<ReceivedFrame> frames = l.snapshotFrames();
        assertFalse(frames.stream().anyMatch(f -> f.event() instanceof RunEvent.FlowFinished));
        Instant lastEvent = frames.get(frames.size() - 1).receivedAt();
        assertEquals(1, l.gaps.size(), l.gaps::toString);
        Gap gap = l.gaps.get(0);
        assertTrue(!gap.from().isBefore(lastEvent) && Duration.between(gap.from(), gap.to()).toMillis() >= 350, gap::toString);
        assertEquals(1, l.finalOutputs.size(), l.finalOutputs::toString);
        assertTrue(l.lastMessage().contains("Every watched run has finished"), l.lastMessage());
        assertTrue(l.snapshotStates().stream().anyMatch(st -> st.contains("server says it is over")), l.snapshotStates()::toString);
        assertTrue(metaKinds(file).contains("quiet_end"), metaKinds(file)::toString);
        // The window (listener) and a reader of the log (summary, replay) end the run alike.
        assertEquals(List.of(run), l.endedWithoutFinish);
        dev.runlens.summary.SummaryBuilder summary = new dev.runlens.summary.SummaryBuilder();
        summary.add(file);
        dev.runlens.model.Run ended = summary.model().runs().stream().filter(r -> r.ref().runId().equals(run)).findFirst().orElseThrow();
        assertTrue(ended.terminal(), "the run stays running in the summary of its log");
    }

    @Test
    void quietRunThatIsStillLiveIsShownStaleAndWaitedFor() throws Exception {
        // An event every 8 s: a quiet period of 300 ms, then /flow/output held back for the ask's
        // 5 s (the run is live, as the spec says the server does), pass between two events.
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofSeconds(8)).build());
        String run = sim.startRun(SoScenario.BALANCE);
        CollectingListener l = new CollectingListener();
        ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken()))
                .run(run).quietPeriod(Duration.ofMillis(300)).build();
        try (ConnectionService s = new ConnectionService(request, l, null, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (l.snapshotStates().stream().noneMatch(st -> st.contains("stale, still waiting")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(ConnectionState.LIVE, s.state(), l.snapshotStates()::toString);
            assertTrue(l.snapshotStates().stream().anyMatch(st -> st.contains("stale, still waiting")), l.snapshotStates()::toString);
        }
        assertEquals(List.of(), l.gaps);
    }

    @Test
    void recordHelpSaysWhenItGivesUp() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        dev.runlens.launch.CommandLines.execute(new dev.runlens.cli.RecordCommand(), new String[] {"--help"}, print, print);
        String help = out.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(help.contains("When it gives up") && help.contains("--quiet-period=S") && help.contains("--not-found-retry=S"), help);
        assertTrue(help.contains("still running, it is waited for until --idle-timeout"), help);
    }

    private static List<String> metaKinds(Path file) throws Exception {
        List<String> kinds = new ArrayList<>();
        LogReader.open(file).read(e -> {
            if (e instanceof LogEntry.Meta m) {
                kinds.add(m.kind());
            }
        });
        return kinds;
    }
}
