package dev.runlens.connect;

import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Tyrus side of one connection: a client made once and reused by every attempt, a handshake
 * with a deadline, and the client's threads shut down once the last socket has closed.
 */
final class TyrusDialer {
    /** How long a stopped connection waits for the server's close answer before its client shuts down. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ConnectionRequest request;
    private ClientManager client;

    TyrusDialer(ConnectionRequest request) {
        this.request = request;
    }

    /** Opens {@code link}; throws what went wrong, a timeout when no handshake answer came in time. */
    void connect(Link link, Duration timeout) throws Exception {
        ClientManager c;
        synchronized (this) {
            if (client == null) {
                client = ClientFactory.client(request);
            }
            c = client;
        }
        Future<Session> pending = c.asyncConnectToServer(link, ClientFactory.endpointConfig(), ClientFactory.wireUri(request.url()));
        try {
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new TimeoutException("no handshake answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Shuts down Tyrus' own threads once {@code last} has closed (the server answered our close
     * frame), not before: its sessions schedule on the container's executor.
     */
    synchronized void shutdownAfter(Link last) {
        ClientManager c = client;
        if (c == null) {
            return;
        }
        Thread.ofPlatform().daemon().name("runlens-client-shutdown").start(() -> {
            try {
                if (last != null) {
                    last.awaitClosed(CLOSE_WAIT.toMillis());
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.shutdown();
        });
    }
}
