package dev.runlens.reliability;

import com.sun.net.httpserver.HttpServer;
import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.ReceivedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and hostile peers, all on 127.0.0.1: a server that never answers, one that sends a 200 MB
 * frame, a web server on the WebSocket port, a TLS server with an untrusted certificate, and a
 * plain ws:// URL that would carry the token off this machine.
 */
class HostilePeersTest {
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));

    @TempDir
    Path dir;

    /** Keeps states and the sizes and kinds of frames, never their text. */
    private static final class Watch implements ConnectionListener {
        final List<String> states = new ArrayList<>();
        final List<Integer> frameSizes = new ArrayList<>();
        final List<Object> events = new ArrayList<>();
        final CountDownLatch end = new CountDownLatch(1);
        final CountDownLatch firstFrame = new CountDownLatch(1);
        volatile ConnectionState last;
        volatile String message;

        @Override
        public synchronized void onFrame(ReceivedFrame frame) {
            frameSizes.add(frame.text().length());
            events.add(frame.event());
            firstFrame.countDown();
        }

        @Override
        public synchronized void onState(ConnectionState state, String msg) {
            states.add(state + ": " + msg);
            last = state;
            message = msg;
            if (state.terminal()) {
                end.countDown();
            }
        }

        ConnectionState awaitEnd() throws InterruptedException {
            assertTrue(end.await(90, TimeUnit.SECONDS), () -> "no end; states so far: " + states);
            return last;
        }
    }

    private static ConnectionRequest.Builder lyzr(String scheme, int port) {
        return ConnectionRequest.builder(URI.create(scheme + "://127.0.0.1:" + port + "/ws/Flow/run-1"))
                .protocol(ProtocolChoice.LYZR);
    }

    @Test
    void serverThatNeverAnswersEndsInAClearFailure() throws Exception {
        try (HostileServers.Silent silent = new HostileServers.Silent()) {
            Watch watch = new Watch();
            try (ConnectionService s = new ConnectionService(lyzr("ws", silent.port()).giveUpAfter(Duration.ofSeconds(3)).build(),
                    watch, null, QUICK)) {
                s.start();
                assertEquals(ConnectionState.FAILED, watch.awaitEnd(), watch.states.toString());
            }
            assertTrue(silent.accepted.get() >= 1, "the client never reached the server");
            assertTrue(watch.frameSizes.isEmpty());
            System.out.println("silent server: " + watch.message);
            assertTrue(!watch.message.isBlank());
        }
    }

    @Test
    void frameOf200MegabytesIsRefusedAtTheLimitWithMemoryBounded() throws Exception {
        long size = 200L * 1024 * 1024;
        byte[] chunk = "x".repeat(1 << 20).getBytes();
        try (HostileServers.Raw server = HostileServers.Raw.plain(out -> {
            HostileServers.textFrameHeader(out, size);
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
            }
        })) {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            List<Long> retained = new ArrayList<>();
            // Three refusals in a row: what stays behind must not grow with each one.
            for (int round = 0; round < 3; round++) {
                Watch watch = new Watch();
                try (ConnectionService s = new ConnectionService(lyzr("ws", server.port()).giveUpAfter(Duration.ofSeconds(20)).build(),
                        watch, null, QUICK)) {
                    s.start();
                    assertEquals(ConnectionState.FAILED, watch.awaitEnd(), watch.states.toString());
                }
                assertTrue(watch.message.contains("larger than the limit of 64 MB"), watch.message);
                assertTrue(watch.frameSizes.isEmpty(), "an oversized frame was delivered");
                System.gc();
                retained.add((rt.totalMemory() - rt.freeMemory() - before) >> 20);
            }
            System.out.println("200 MB frame refused 3 times; heap retained after each (MB): " + retained);
            assertTrue(retained.get(2) < 100, "memory retained after three refused 200 MB frames: " + retained + " MB");
            assertTrue(server.upgraded.get() >= 1);
        }
    }

    @Test
    void webServerOnTheWebSocketPortIsNamedAsSuch() throws Exception {
        HttpServer http = HostileServers.http();
        try {
            Watch watch = new Watch();
            try (ConnectionService s = new ConnectionService(lyzr("ws", http.getAddress().getPort())
                    .giveUpAfter(Duration.ofSeconds(5)).build(), watch, null, QUICK)) {
                s.start();
                assertEquals(ConnectionState.FAILED, watch.awaitEnd(), watch.states.toString());
            }
            System.out.println("web server: " + watch.message);
            assertTrue(watch.message.contains("HTTP 200"), watch.message);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void untrustedCertificateIsRefusedUnlessItsCaIsGiven() throws Exception {
        char[] password = "changeit".toCharArray();
        Path ca = HostileServers.selfSigned(dir, password);
        try (HostileServers.Raw server = HostileServers.Raw.tls(dir.resolve("server.p12"), password,
                out -> HostileServers.textFrame(out, "{\"type\":\"system\",\"message\":\"Connected to workflow Flow\"}"))) {
            Watch refused = new Watch();
            try (ConnectionService s = new ConnectionService(lyzr("wss", server.port()).giveUpAfter(Duration.ofSeconds(5)).build(),
                    refused, null, QUICK)) {
                s.start();
                assertEquals(ConnectionState.FAILED, refused.awaitEnd(), refused.states.toString());
            }
            System.out.println("untrusted certificate: " + refused.message);
            assertTrue(refused.message.contains("certificate"), refused.message);
            assertTrue(refused.frameSizes.isEmpty());
            assertEquals(0, server.upgraded.get(), "the upgrade went through an untrusted TLS session");

            Watch trusted = new Watch();
            try (ConnectionService s = new ConnectionService(lyzr("wss", server.port()).truststore(ca).build(),
                    trusted, null, QUICK)) {
                s.start();
                assertTrue(trusted.firstFrame.await(30, TimeUnit.SECONDS), trusted.states.toString());
            }
            assertTrue(trusted.events.get(0) instanceof ControlEvent.Greeting, trusted.events.toString());
        }
    }

    @Test
    void tokenIsNotSentOverPlainWsOffThisMachineWithoutConsent() throws Exception {
        try (HostileServers.Silent local = new HostileServers.Silent()) {
            // 0.0.0.0 is not a loopback address, yet on Linux a connection to it stays on this
            // machine: if the guard failed, the attempt would only reach the silent server here.
            URI url = URI.create("ws://0.0.0.0:" + local.port() + "/ws");
            Watch watch = new Watch();
            try (ConnectionService s = new ConnectionService(ConnectionRequest.builder(url).protocol(ProtocolChoice.SPACE_OPERATOR)
                    .token(Secret.of("b3-guarded-token")).run("r").build(), watch, null, QUICK)) {
                s.start();
                assertTrue(watch.awaitEnd().terminal());
            }
            System.out.println("insecure: " + watch.message);
            assertTrue(watch.message.contains("unencrypted"), watch.message);
            assertEquals(0, local.accepted.get(), "a connection was opened to send the token in clear");
        }
    }
}
