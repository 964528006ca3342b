package dev.runlens.connect;

import dev.runlens.protocol.FrameDecoder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One socket of a {@link ConnectionService} (public only because Tyrus calls endpoints reflectively). */
public final class Link extends Endpoint {
    final FrameDecoder decoder = new FrameDecoder();
    private final ConnectionService service;
    private final int maxMessageBytes;
    Conversation conversation;
    private volatile Session session;

    Link(ConnectionService service, int maxMessageBytes) {
        this.service = service;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(maxMessageBytes);
        session.setMaxBinaryMessageBufferSize(maxMessageBytes);
        // Whole messages: Tyrus reassembles fragments before we see them.
        session.addMessageHandler(String.class, new TextHandler(text -> service.frame(this, text)));
        service.opened(this);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        service.closed(this, closeReason);
    }

    @Override
    public void onError(Session session, Throwable thr) {
        service.failed(this, thr);
    }

    void send(String text) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.getAsyncRemote().sendText(text);
        }
    }

    void ping() {
        Session s = session;
        if (s != null && s.isOpen()) {
            try {
                s.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | IllegalStateException e) {
                // the close that follows says why
            }
        }
    }

    void close(CloseReason reason) {
        Session s = session;
        if (s != null && s.isOpen()) {
            try {
                s.close(reason);
            } catch (IOException | IllegalStateException e) {
                // already closing
            }
        }
    }
}
