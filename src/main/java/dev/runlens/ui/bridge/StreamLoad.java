package dev.runlens.ui.bridge;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the window is busy with live traffic, for background work that must not compete with it
 * (the history indexer waits while this says so). Busy means the FX thread is behind, or frames
 * arrive faster than {@link #BUSY_RATE} a second: on two cores a firehose leaves no core to spare,
 * and Java's thread priorities do not reach Linux's scheduler, so waiting is the only way to yield.
 */
public final class StreamLoad implements BooleanSupplier {
    /** Items waiting for the FX thread above which the window is behind. */
    static final int BEHIND = 1000;
    /** Frames a second above which a stream counts as a firehose. */
    static final long BUSY_RATE = 2_000;
    /** How long a rate is measured over. */
    static final long WINDOW_NANOS = 250_000_000L;

    private final IntSupplier backlog;
    private final LongSupplier received;
    private final LongSupplier nanoClock;
    private long lastCount;
    private long lastAt;
    private boolean streaming;

    StreamLoad(IntSupplier backlog, LongSupplier received, LongSupplier nanoClock) {
        this.backlog = backlog;
        this.received = received;
        this.nanoClock = nanoClock;
        this.lastCount = received.getAsLong();
        this.lastAt = nanoClock.getAsLong();
    }

    /** The load of the window fed by {@code frames}. */
    public static StreamLoad of(FrameBridge frames) {
        return new StreamLoad(frames::backlog, frames::received, System::nanoTime);
    }

    @Override
    public synchronized boolean getAsBoolean() {
        if (backlog.getAsInt() > BEHIND) {
            return true;
        }
        long now = nanoClock.getAsLong();
        long elapsed = now - lastAt;
        if (elapsed >= WINDOW_NANOS) {
            long count = received.getAsLong();
            streaming = (count - lastCount) * 1_000_000_000.0 / elapsed > BUSY_RATE;
            lastCount = count;
            lastAt = now;
        }
        return streaming;
    }
}
