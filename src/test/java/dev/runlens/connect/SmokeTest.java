package dev.runlens.connect;

import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void records() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String run = sim.startRun(SoScenario.BALANCE);
            CollectingListener l = new CollectingListener();
            ConnectionRequest req = ConnectionRequest.spaceOperator(sim.spaceOperatorUrl(), Secret.of(sim.demoToken()), java.util.List.of(run));
            try (ConnectionService s = new ConnectionService(req, l, null)) {
                s.start();
                ConnectionState end = l.awaitEnd(Duration.ofSeconds(10));
                System.out.println(l.snapshotStates());
                l.snapshotFrames().forEach(f -> System.out.println(f.text().length() > 200 ? f.text().substring(0, 200) : f.text()));
                assertEquals(ConnectionState.FINISHED, end);
            }
        }
    }
}
