package dev.runlens.reliability;

import com.sun.net.httpserver.HttpServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Misbehaving peers on 127.0.0.1, for the hostile-peer tests. */
final class HostileServers {
    private HostileServers() {
    }

    /** Accepts TCP connections and never says a word. */
    static final class Silent implements Closeable {
        final ServerSocket server;
        final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Silent() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        sockets.add(server.accept());
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** A plain web server where a WebSocket server was expected. */
    static HttpServer http() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    /** What a raw server does once the WebSocket upgrade is done. */
    interface AfterUpgrade {
        void talk(OutputStream out) throws IOException;
    }

    /**
     * A WebSocket server written by hand on a plain or TLS server socket: it answers the upgrade,
     * then does what it is told ({@link AfterUpgrade}) and keeps the connection open.
     */
    static final class Raw implements Closeable {
        final ServerSocket server;
        final AtomicInteger upgraded = new AtomicInteger();
        private final AfterUpgrade behaviour;

        Raw(ServerSocket server, AfterUpgrade behaviour) {
            this.server = server;
            this.behaviour = behaviour;
            Thread t = new Thread(this::serve, "raw-ws-server");
            t.setDaemon(true);
            t.start();
        }

        static Raw plain(AfterUpgrade behaviour) throws IOException {
            return new Raw(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
        }

        static Raw tls(Path keystore, char[] password, AfterUpgrade behaviour) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new Raw(server, behaviour);
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread h = new Thread(() -> handle(s), "raw-ws-conn");
                    h.setDaemon(true);
                    h.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(Socket s) {
            try (s) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                String key = null;
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                        key = line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                if (key == null) {
                    return;
                }
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                upgraded.incrementAndGet();
                behaviour.talk(out);
                out.flush();
                while (s.getInputStream().read() >= 0) {
                    // Keep the connection open; ignore what the client sends.
                }
            } catch (Exception e) {
                // The client went away, refused the certificate or closed on a limit: nothing to do.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** Writes one unmasked server-to-client text frame header for {@code length} payload bytes. */
    static void textFrameHeader(OutputStream out, long length) throws IOException {
        out.write(0x81);
        if (length < 126) {
            out.write((int) length);
        } else if (length < 65536) {
            out.write(126);
            out.write((int) (length >>> 8));
            out.write((int) length);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (length >>> (8 * i)));
            }
        }
    }

    static void textFrame(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        textFrameHeader(out, b.length);
        out.write(b);
    }

    /** Creates a self-signed certificate for 127.0.0.1 with the JDK's keytool; returns the PEM. */
    static Path selfSigned(Path dir, char[] password) throws Exception {
        Path ks = dir.resolve("server.p12");
        Path pem = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", new String(password));
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", ks.toString(),
                "-storepass", new String(password), "-file", pem.toString());
        return pem;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
