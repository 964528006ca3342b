package dev.runlens.connect;

import dev.runlens.json.Json;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live Lyzr socket (which needs no credentials) sending numbers with absurd exponents: decoding
 * once stalled the connection's thread for minutes on the first of them. The run must stream to
 * its end at once, the bad timestamp reported as a bad field and the outputs kept.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HugeNumberPeerTest {
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aLiveRunWithHugeExponentsStreamsToItsEnd() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        LyzrRunName run = sim.startLyzrRun(LyzrScenario.HUGE_NUMBERS);
        CollectingListener l = new CollectingListener();
        long start = System.nanoTime();
        try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.lyzrUrl(run.flow(), run.run()))
                .protocol(ProtocolChoice.LYZR).build(), l, null,
                SpaceOperatorConnectionTest.FAST)) {
            s.start();
            l.awaitEnd(Duration.ofSeconds(20));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<ReceivedFrame> frames = l.snapshotFrames();
        RunEvent.FlowFinished end = frames.stream().map(ReceivedFrame::event).filter(RunEvent.FlowFinished.class::isInstance)
                .map(RunEvent.FlowFinished.class::cast).findFirst().orElseThrow(() -> new AssertionError("no end in " + frames));
        assertNull(end.time());
        assertEquals("flow_completed with a \"timestamp\" out of range; applied without a time", end.problem());
        assertEquals("{\"measure\":1E+400000000}", Json.compact(end.output().plain()));
        RunEvent.NodeFinished task = frames.stream().map(ReceivedFrame::event).filter(RunEvent.NodeFinished.class::isInstance)
                .map(RunEvent.NodeFinished.class::cast).findFirst().orElseThrow();
        assertEquals("{\"value\":1E+400000000,\"tiny\":-1E-400000000}", Json.compact(task.output().plain()));
        assertTrue(millis < 15_000, "the run took " + millis + " ms");
        System.out.println("hostile Lyzr run with huge exponents streamed to its end in " + millis + " ms");
    }
}
