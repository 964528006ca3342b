package dev.runlens.launch;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status a window's connection stands for, as {@code record} would give it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordedConnectionTest {
    @TempDir
    Path dir;

    @Test
    void aRunNotFoundBesideARunThatFinishedIsStatusFour() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String run = sim.startRun(SoScenario.BALANCE);
            CountDownLatch ended = new CountDownLatch(1);
            ConnectionRequest request = ConnectionRequest.builder(sim.spaceOperatorUrl()).token(Secret.of(sim.demoToken()))
                    .runIds(List.of(run, "00000000-dead-4000-8000-00000000beef")).build();
            try (RecordedConnection c = RecordedConnection.start(request, dir.resolve("r.jsonl"), new ConnectionListener() {
                @Override
                public void onFrame(ReceivedFrame frame) {
                }

                @Override
                public void onState(ConnectionState state, String message) {
                    if (state.terminal()) {
                        ended.countDown();
                    }
                }
            }, new Backoff(Duration.ofMillis(5), Duration.ofMillis(40)))) {
                assertTrue(ended.await(30, TimeUnit.SECONDS));
                assertEquals(ExitCodes.NOT_FOUND, c.exitStatusNow());
                assertEquals(c.exitStatus(c.service().state()), c.exitStatusNow());
            }
        }
    }
}
