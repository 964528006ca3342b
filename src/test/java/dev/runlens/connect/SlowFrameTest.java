package dev.runlens.connect;

import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame is masked, recorded, decoded and handed on outside the connection's lock: while the
 * network thread is still inside a big frame, closing and the timers go on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowFrameTest {
    private final CountDownLatch inBigFrame = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CollectingListener states = new CollectingListener();
    private Simulator sim;
    private ConnectionService service;

    @BeforeEach
    void startSimulator() throws Exception {
        // An event every 2 s, the third one a 2 MB output: the run is still live on the server while we hold that frame.
        sim = Simulator.start(SimulatorOptions.fastBuilder().bigOutputBytes(2 * 1024 * 1024)
                .eventInterval(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (service != null) {
            service.close();
        }
        sim.close();
    }

    /** Connects with a listener that keeps the network thread inside the big frame until released, as a slow decode would. */
    private void connectAndHoldTheBigFrame(Duration quietPeriod) throws InterruptedException {
        String run = sim.startRun(SoScenario.BIG_OUTPUT);
        ConnectionListener slow = new ConnectionListener() {
            @Override
            public void onFrame(ReceivedFrame frame) {
                if (frame.event() instanceof RunEvent && frame.text().length() > 1024 * 1024) {
                    inBigFrame.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void onState(ConnectionState state, String message) {
                states.onState(state, message);
            }
        };
        ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken()))
                .run(run).quietPeriod(quietPeriod).build();
        service = new ConnectionService(request, slow, null, SpaceOperatorConnectionTest.FAST);
        service.start();
        assertTrue(inBigFrame.await(20, TimeUnit.SECONDS), () -> "the big frame never came: " + states.snapshotStates());
    }

    @Test
    void closingIsNotHeldUpByAFrameStillBeingHandled() throws Exception {
        connectAndHoldTheBigFrame(ConnectionRequest.QUIET_PERIOD);
        CompletableFuture.runAsync(service::close).get(2, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CLOSED, service.state());
        assertEquals(List.of(), service.runsIncomplete());
    }

    @Test
    void timersAreNotHeldUpByAFrameStillBeingHandled() throws Exception {
        connectAndHoldTheBigFrame(Duration.ofMillis(300));
        // The timer sees the run quiet (nothing handled for 300 ms) and asks the server about it (stale while
        // the run is live; over once the server finished it, if this machine is slow enough for that).
        long before = quietChecks();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (quietChecks() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(quietChecks() > before, states.snapshotStates()::toString);
    }

    private long quietChecks() {
        return states.snapshotStates().stream().filter(s -> s.contains("sent nothing for")).count();
    }
}
