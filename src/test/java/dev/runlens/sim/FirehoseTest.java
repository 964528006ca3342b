package dev.runlens.sim;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirehoseTest {

    @Test
    void firehoseRunDeliversEveryEventAndFinishes() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String runId = sim.startFirehose(30_002, 0);
            RunModel model = new RunModel();
            CountDownLatch end = new CountDownLatch(1);
            ConnectionState[] last = new ConnectionState[1];
            ConnectionListener listener = new ConnectionListener() {
                @Override
                public synchronized void onFrame(ReceivedFrame frame) {
                    if (frame.event() instanceof RunEvent e) {
                        model.apply(e);
                    }
                }

                @Override
                public void onState(ConnectionState state, String message) {
                    last[0] = state;
                    if (state.terminal()) {
                        end.countDown();
                    }
                }
            };
            try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                    .token(Secret.of(sim.demoToken())).runIds(List.of(runId)).build(), listener, null, Backoff.standard())) {
                s.start();
                assertTrue(end.await(60, TimeUnit.SECONDS));
            }
            assertEquals(ConnectionState.FINISHED, last[0]);
            Run run;
            synchronized (listener) {
                run = model.runs().get(0);
            }
            assertEquals(30_002, run.events());
            assertEquals(RunStatus.SUCCEEDED, run.status());
            assertEquals(10_000, run.executions().size());
            assertEquals(10_000, run.finishedExecutions());
        }
    }
}
