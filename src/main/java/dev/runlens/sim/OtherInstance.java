package dev.runlens.sim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server behind a load balancer: after a connection is cut, the next sockets may reach an
 * instance that does not hold the run, and it answers {@code not found} although the run is
 * live elsewhere.
 */
public final class OtherInstance {
    private final AtomicInteger afterDrop = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean dropped;

    /** After the next fault drop, this many subscriptions answer {@code not found}. */
    public void notFoundAfterDrop(int subscriptions) {
        afterDrop.set(Math.max(0, subscriptions));
    }

    /** {@code not found} answers given so far for live runs. */
    public int answered() {
        return answered.get();
    }

    void dropped() {
        dropped = true;
    }

    /** Whether this subscription reaches the other instance (and is answered {@code not found}). */
    boolean takes() {
        if (dropped && afterDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answered.incrementAndGet();
            return true;
        }
        return false;
    }
}
