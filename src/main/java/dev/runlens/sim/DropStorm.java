package dev.runlens.sim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A flaky link: the next N connections each close after a few frames of any kind (responses,
 * history replay, live events), so a client that authenticates and re-subscribes is cut before
 * it sees anything new, again and again.
 */
public final class DropStorm {
    private final AtomicInteger left = new AtomicInteger();
    private volatile int frames;

    /** The next {@code connections} connections each close after {@code frames} frames sent. */
    public void start(int connections, int frames) {
        if (connections < 0 || frames < 1) {
            throw new IllegalArgumentException("need connections >= 0 and frames >= 1");
        }
        this.frames = frames;
        left.set(connections);
    }

    /** Connections still to be cut. */
    public int left() {
        return left.get();
    }

    /** For a connection that just opened: after how many frames it closes, or 0 when the storm is over. */
    int join() {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? frames : 0;
    }
}
