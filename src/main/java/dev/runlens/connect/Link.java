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
    private final java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);

    Link(ConnectionService service, int maxMessageBytes) {
        this.service = service;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        // Negative, not 0: Tyrus (2.2.2) then schedules no idle-timeout task per frame received,
        // a million executor hand-offs in a 1,000,000-event run. The service has its own idle check.
        session.setMaxIdleTimeout(-1);
        // The text limit is TextParts': Tyrus reads its own only for whole-message and Reader handlers.
        session.setMaxBinaryMessageBufferSize(maxMessageBytes);
        session.addMessageHandler(String.class, new TextParts(maxMessageBytes, text -> service.frame(this, text), this::tooBig));
        service.opened(this);
    }

    /** A fragmented message passed the limit: closed as Tyrus closes for one that fills its buffer. */
    private void tooBig() {
        close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Too big."));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        gone.countDown();
        service.closed(this, closeReason);
    }

    /**
     * Waits until an opened socket has finished closing (at most {@code ms}). The client's
     * container must outlive its sessions: a frame reaching a session after the container's
     * scheduler terminated is rejected (Grizzly logs GRIZZLY0013 with TyrusSession$IdleTimeoutCommand).
     */
    void awaitClosed(long ms) throws InterruptedException {
        if (session != null) {
            gone.await(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
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
