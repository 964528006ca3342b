package dev.runlens.connect;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each failure ends in a state with one sentence, and never shows the token. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionFailuresTest {
    private static final String TOKEN = "b3-failure-test-token-7Qx";

    private static CollectingListener run(ConnectionRequest request) throws InterruptedException {
        CollectingListener l = new CollectingListener();
        try (ConnectionService s = new ConnectionService(request, l, null, SpaceOperatorConnectionTest.FAST)) {
            s.start();
            l.awaitEnd(Duration.ofSeconds(30));
        }
        for (String s : l.snapshotStates()) {
            assertFalse(s.contains(TOKEN), "token in a state message: " + s);
        }
        return l;
    }

    private static ConnectionState last(CollectingListener l) {
        String s = l.snapshotStates().get(l.snapshotStates().size() - 1);
        return ConnectionState.valueOf(s.substring(0, s.indexOf(':')));
    }

    @Test
    void refusedConnectionIsRetriedThenGivenUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CollectingListener l = run(ConnectionRequest.builder(URI.create("ws://127.0.0.1:" + port + "/ws"))
                .token(Secret.of(TOKEN)).run("r").giveUpAfter(Duration.ofSeconds(2)).build());
        assertEquals(ConnectionState.FAILED, last(l));
        assertTrue(l.lastMessage().startsWith("Gave up"), l.lastMessage());
        assertTrue(l.lastMessage().contains("refused"), l.lastMessage());
        assertTrue(l.snapshotStates().stream().filter(s -> s.startsWith("RECONNECTING")).count() >= 2);
    }

    @Test
    void httpAnswerInsteadOfWebSocketIsExplained() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            CollectingListener l = run(ConnectionRequest.builder(URI.create("ws://127.0.0.1:" + sim.port() + "/not-a-socket"))
                    .token(Secret.of(TOKEN)).run("r").build());
            assertEquals(ConnectionState.FAILED, last(l));
            assertTrue(l.lastMessage().contains("HTTP 404"), l.lastMessage());
        }
    }

    @Test
    void tlsToAPlainServerTimesOutAndSaysSo() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            CollectingListener l = new CollectingListener();
            ConnectionRequest request = ConnectionRequest.builder(URI.create("wss://127.0.0.1:" + sim.port() + "/ws"))
                    .token(Secret.of(TOKEN)).run("r").giveUpAfter(Duration.ofMillis(1500)).build();
            try (ConnectionService s = new ConnectionService(request, l, null, SpaceOperatorConnectionTest.FAST)) {
                s.connectTimeout(Duration.ofMillis(500));
                s.start();
                assertEquals(ConnectionState.FAILED, l.awaitEnd(Duration.ofSeconds(30)), l.snapshotStates()::toString);
            }
            assertTrue(l.lastMessage().contains("is it really a TLS server"), l.lastMessage());
            assertEquals(0, sim.authenticateRequests());
        }
    }

    @Test
    void tokenIsNotSentUnencryptedToARemoteHost() throws Exception {
        CollectingListener l = run(ConnectionRequest.builder(URI.create("ws://runlens-test.invalid/ws"))
                .token(Secret.of(TOKEN)).run("r").build());
        assertEquals(ConnectionState.FAILED, last(l));
        assertTrue(l.lastMessage().contains("unencrypted"), l.lastMessage());
        assertEquals(1, l.snapshotStates().size(), "it must not even try to connect");
    }

    @Test
    void closingStopsReconnecting() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(50)).build())) {
            String run = sim.startRun(SoScenario.FOREACH);
            CollectingListener l = new CollectingListener();
            ConnectionService s = new ConnectionService(ConnectionRequest.builder(sim.spaceOperatorUrl())
                    .token(Secret.of(sim.demoToken())).runIds(List.of(run)).build(), l, null, SpaceOperatorConnectionTest.FAST);
            s.start();
            s.close();
            s.close();
            assertEquals(ConnectionState.CLOSED, l.awaitEnd(Duration.ofSeconds(5)));
            assertEquals(ConnectionState.CLOSED, s.state());
        }
    }
}
