package dev.runlens.sim;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client connection of the simulator. Everything it sends goes through one thread, in order,
 * so a slow client never blocks a run and replay always precedes live events. Fault switches
 * (drops, malformed frames, delays) are applied here.
 */
abstract class SimConnection {
    protected final SimState sim;
    protected final Session session;
    private final ExecutorService out;
    /** Frames sent but not yet confirmed written: at most this many, and at most {@link #WINDOW_CHARS}. */
    private static final int WINDOW = 256;
    private static final long WINDOW_CHARS = 1 << 20;
    private long sentTotal;
    private Future<Void> lastSend;
    private int unconfirmed;
    private long unconfirmedChars;
    private long liveSent;
    /** A connection in a drop storm closes after this many frames of any kind (0: not in one). */
    private final int stormAfter;
    private volatile boolean closed;

    SimConnection(SimState sim, Session session, String name) {
        this.sim = sim;
        this.session = session;
        this.stormAfter = sim.faults().dropStorm().join();
        this.out = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
    }

    /** Runs {@code task} on this connection's thread, after everything already queued. */
    final void later(Runnable task) {
        if (closed) {
            return;
        }
        try {
            out.execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing to send to
        }
    }

    /** Waits the configured response delay (on this connection's thread). */
    final void responseDelay() {
        long ms = sim.faults().responseDelay().toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends now; call on this connection's thread. {@code live} frames count towards drops.
     * Whole frames go out asynchronously, in order, with a bounded window unconfirmed, so a
     * long history replay is not one blocking write per frame (Grizzly aggregates queued frames
     * into fewer socket writes) and a slow client still holds this thread back.
     */
    final void send(String text, boolean live) {
        if (closed) {
            return;
        }
        try {
            int fragment = sim.faults().fragmentFramesOver();
            if (fragment > 0 && text.length() > fragment) {
                confirm();
                for (int from = 0; from < text.length(); from += fragment) {
                    int to = Math.min(text.length(), from + fragment);
                    session.getBasicRemote().sendText(text.substring(from, to), to == text.length());
                }
            } else {
                sendWhole(text);
            }
            sentTotal++;
            int malformed = sim.faults().malformedEveryFrames();
            if (malformed > 0 && sentTotal % malformed == 0) {
                sendWhole("{\"stream_id\":!!not json");
            }
            if (stormAfter > 0 && sentTotal == stormAfter) {
                drop();
                return;
            }
            if (live) {
                liveSent++;
                int drop = sim.faults().dropEveryFrames();
                if (drop > 0 && liveSent % drop == 0) {
                    drop();
                }
            }
        } catch (IOException | IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            // Rejected: Tyrus is already shutting the session down (the simulator is stopping).
            closed();
        }
    }

    private void sendWhole(String text) throws IOException {
        lastSend = session.getAsyncRemote().sendText(text);
        unconfirmedChars += text.length();
        if (++unconfirmed >= WINDOW || unconfirmedChars >= WINDOW_CHARS) {
            confirm();
        }
    }

    /** Waits until every frame sent so far has been written (they complete in order). */
    private void confirm() throws IOException {
        Future<Void> last = lastSend;
        lastSend = null;
        unconfirmed = 0;
        unconfirmedChars = 0;
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new IOException("send failed", e.getCause());
        }
    }

    /** Closes the connection as a proxy would, mid-stream. */
    final void drop() {
        sim.countDrop();
        closeWith(new CloseReason(CloseReason.CloseCodes.getCloseCode(sim.faults().dropCloseCode()), "simulated connection drop"));
    }

    final void closeWith(CloseReason reason) {
        if (closed) {
            return;
        }
        // Leave the run first: a frame emitted while the close handshake is under way must not be
        // queued to this dying connection (with holdRunsWhileUnwatched it waits for the next one).
        closed();
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            // already gone
        }
    }

    /** The socket is gone: stop sending and forget subscriptions. */
    final void closed() {
        if (!closed) {
            closed = true;
            out.shutdown();
            onClosed();
        }
    }

    abstract void onText(String text);

    abstract void onClosed();
}
