package dev.runlens.sim;

import dev.runlens.connect.TextHandler;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;

import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket client for poking the simulator frame by frame. */
public final class RawSocket extends Endpoint implements AutoCloseable {
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final ClientManager client = ClientManager.createClient();
    private Session session;

    RawSocket(URI url) throws Exception {
        client.getProperties().put("org.glassfish.tyrus.incomingBufferSize", 64 * 1024 * 1024);
        // Tyrus' Grizzly client decodes the path once before writing it: escape '%' once more.
        URI wire = URI.create(url.toString().replace("%", "%25"));
        session = client.connectToServer(this, ClientEndpointConfig.Builder.create().build(), wire);
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(64 * 1024 * 1024);
        session.addMessageHandler(String.class, new TextHandler(received::add));
    }

    void send(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    /** The next frame, or fails after 10 s. */
    String next() throws InterruptedException {
        String s = received.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return s;
    }

    /** The next frame within {@code ms}, or null. */
    String poll(long ms) throws InterruptedException {
        return received.poll(ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        session.close();
        client.shutdown();
    }
}
