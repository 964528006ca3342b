package dev.runlens.act;

import com.sun.net.httpserver.HttpServer;
import dev.runlens.connect.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that answer in ways the simulator does not: a real HTTP server on loopback with fixed
 * answers, and a socket that accepts and never answers. Each failure is one sentence.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpFailuresTest {
    private HttpServer server;
    private final List<Socket> silent = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        for (Socket s : silent) {
            s.close();
        }
    }

    private SpaceOperatorApi answering(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                exchange.getResponseBody().write(b);
            }
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new SpaceOperatorApi(new ApiTarget(base, Secret.of("b3-key"), null, false), Duration.ofSeconds(5));
    }

    @Test
    void serverErrorGivesTheServersErrorText() throws Exception {
        ActionFailure f = assertThrows(ActionFailure.class, () -> answering(500, "{\"error\":\"database is down\"}").start("f1", Map.of()));
        assertEquals(ActionFailure.Kind.SERVER, f.kind());
        assertTrue(f.sentence().endsWith("answered HTTP 500: database is down."), f.sentence());
    }

    @Test
    void forbiddenSaysTheTokenMayNotDoIt() throws Exception {
        ActionFailure f = assertThrows(ActionFailure.class, () -> answering(403, "{\"error\":\"unauthorized\"}").stop("r1", "x"));
        assertEquals(ActionFailure.Kind.FORBIDDEN, f.kind());
        assertTrue(f.sentence().contains("the token may not do this"), f.sentence());
    }

    @Test
    void okWithABodyThatIsNotJsonIsAnUnknownOutcome() throws Exception {
        ActionFailure f = assertThrows(ActionFailure.class, () -> answering(200, "<html>proxy login</html>").start("f1", Map.of()));
        assertEquals(ActionFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.sentence().contains("a body that is not JSON"), f.sentence());
    }

    @Test
    void errorWithABodyThatIsNotJsonSaysSo() throws Exception {
        ActionFailure f = assertThrows(ActionFailure.class, () -> answering(502, "Bad Gateway").start("f1", Map.of()));
        assertEquals(ActionFailure.Kind.SERVER, f.kind());
        assertTrue(f.sentence().endsWith("answered HTTP 502 with a body that is not JSON."), f.sentence());
    }

    @Test
    void startAnsweredWithoutARunIdIsRefused() throws Exception {
        ActionFailure f = assertThrows(ActionFailure.class, () -> answering(200, "{\"ok\":true}").start("f1", Map.of()));
        assertEquals(ActionFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.sentence().contains("without a flow_run_id"), f.sentence());
    }

    @Test
    void answerThatNeverComesIsATimeoutSentence() throws Exception {
        ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = Thread.ofVirtual().start(() -> {
            try {
                while (!socket.isClosed()) {
                    Socket s = socket.accept();
                    synchronized (silent) {
                        silent.add(s); // accepted, read by nobody, never answered
                    }
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        try (socket) {
            SpaceOperatorApi api = new SpaceOperatorApi(new ApiTarget(URI.create("http://127.0.0.1:" + socket.getLocalPort()),
                    null, null, false), Duration.ofMillis(700));
            long t0 = System.nanoTime();
            ActionFailure f = assertThrows(ActionFailure.class, () -> api.start("f1", Map.of()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ActionFailure.Kind.TIMEOUT, f.kind());
            assertTrue(f.sentence().contains("got no answer from 127.0.0.1:" + socket.getLocalPort()), f.sentence());
            assertTrue(ms < 5000, "took " + ms + " ms");
        }
        acceptor.join(2000);
    }

    @Test
    void refusedConnectionIsOneSentence() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SpaceOperatorApi api = new SpaceOperatorApi(new ApiTarget(URI.create("http://127.0.0.1:" + port), null, null, false),
                Duration.ofSeconds(2));
        ActionFailure f = assertThrows(ActionFailure.class, () -> api.stop("r1", null));
        assertEquals(ActionFailure.Kind.NETWORK, f.kind());
        assertTrue(f.sentence().contains("refused"), f.sentence());
    }
}
