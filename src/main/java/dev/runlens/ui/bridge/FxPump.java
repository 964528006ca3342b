package dev.runlens.ui.bridge;

import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Drains the bridge once per pulse on the FX thread and applies what is waiting as one batch.
 * Views repaint once per pulse whatever the batch size, so a burst costs the display nothing
 * extra. Applying has a time budget per pulse ({@link #BUDGET_NANOS}): warm, it takes a whole
 * pulse's arrivals in a fraction of it, but cold code (the first seconds of a session, before the
 * JIT) or a stretch of slow frames would otherwise hold one pulse for hundreds of milliseconds.
 * What is left stays queued, in order, for the next pulses; nothing is ever dropped.
 */
public final class FxPump extends AnimationTimer {
    /**
     * The most one pulse takes. Only reached after a long stall (a GC pause, a suspended laptop):
     * the rest is taken by the next pulses, so one pulse never grows without bound.
     */
    static final int MAX_PER_PULSE = 100_000;
    /**
     * Time for applying per pulse. Warm, an item costs a few microseconds, so 2 ms takes about
     * 500 items a pulse (30,000 a second, half as much again as the fastest stream measured): a
     * backlog left by a cold start drains in a second or two. In that first second the two cores
     * are shared with the JIT and the network threads decoding on cold code, and what a pulse
     * applies also costs the views, layout and the render thread: with 8 ms, then 4 ms, the pulses
     * of that catch-up were the run's longest gaps (idle, three 30 s runs each: 14, 16 and 7 gaps
     * over 33 ms in the first 5 s with 4 ms; 11, 7 and 5 with 2 ms).
     */
    static final long BUDGET_NANOS = 2_000_000L;
    /** Pulses after the window shows that apply nothing (see {@link #handle}). */
    static final int QUIET_PULSES = 2;

    private final FrameBridge bridge;
    private final DashboardModel model;
    private final PulseStats stats = new PulseStats();
    private final List<LongConsumer> afterPulse = new CopyOnWriteArrayList<>();
    private List<Runnable> nextPulse = new ArrayList<>();
    private final PulseTrace trace = PulseTrace.fromSystemProperty();

    private long drainedUpTo;
    /** Pulses since the window (re)started showing; data waits for the first {@link #QUIET_PULSES}. */
    private int pulsesShown;
    private boolean running;

    public FxPump(FrameBridge bridge, DashboardModel model) {
        this.bridge = bridge;
        this.model = model;
    }

    @Override
    public void handle(long now) {
        long enter = trace == null ? 0 : System.nanoTime();
        stats.pulse(now, bridge.backlog());
        runDeferred();
        // The first pulse after the window shows styles and lays out the whole window, and the
        // second waits while the render thread paints all of it for the first time: the data waits
        // for both, so neither of those frames also carries the first data's new cells and views.
        Batch batch = pulsesShown >= QUIET_PULSES ? drainWithin(BUDGET_NANOS) : Batch.EMPTY;
        pulsesShown = Math.min(pulsesShown + 1, QUIET_PULSES);
        long drained = trace == null ? 0 : System.nanoTime();
        long newest = bridge.lastEnqueueNanos();
        if (bridge.backlog() == 0 && newest != drainedUpTo) {
            stats.drained(System.nanoTime() - newest);
            drainedUpTo = newest;
        }
        for (LongConsumer c : afterPulse) {
            c.accept(now);
        }
        if (trace != null) {
            trace.pulse(now, enter, drained, System.nanoTime(), batch.frames());
        }
    }

    /** The per-pulse trace asked for with {@code -Drunlens.pulse.trace}, or null. */
    public PulseTrace trace() {
        return trace;
    }

    /** Writes the pulse trace, if one was asked for; a failure is one line on stderr (the window is closing). */
    public void writeTrace() {
        if (trace != null) {
            try {
                trace.write();
            } catch (java.io.IOException e) {
                System.err.println("runlens: could not write the pulse trace: " + e.getMessage());
            }
        }
    }

    /** Applies what is waiting (up to {@link #MAX_PER_PULSE}) as one batch. Public for tests that drive the model without pulses. */
    public Batch drainOnce() {
        return model.apply(bridge.drain(MAX_PER_PULSE));
    }

    /**
     * Applies what is waiting as one batch, stopping once {@code budgetNanos} have passed (looked at
     * between chunks, so at least one chunk is always taken and the backlog always moves).
     */
    Batch drainWithin(long budgetNanos) {
        return model.applyFrom(bridge::drain, MAX_PER_PULSE, System.nanoTime() + budgetNanos);
    }

    /** Drains everything (tests, and before writing final stats). */
    public void drainAll() {
        while (bridge.backlog() > 0) {
            model.apply(bridge.drain(MAX_PER_PULSE));
        }
    }

    @Override
    public void start() {
        pulsesShown = 0;
        running = true;
        bridge.draining(true);
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        running = false;
        bridge.draining(false);
        stats.pause();
        runDeferred();
    }

    /**
     * Runs {@code r} at the start of the next pulse, before its batch: for work that may wait a
     * frame so that one pulse does not carry everything at once. Called on the FX thread.
     */
    public void nextPulse(Runnable r) {
        if (running) {
            nextPulse.add(r);
        } else {
            r.run();  // no pulse is coming (the window is hidden, or a test drives the model)
        }
    }

    private void runDeferred() {
        if (nextPulse.isEmpty()) {
            return;
        }
        // What these schedule waits for the pulse after this one.
        List<Runnable> due = nextPulse;
        nextPulse = new ArrayList<>();
        for (Runnable r : due) {
            r.run();
        }
    }

    /** Runs after each pulse's batch, on the FX thread (repaints, clocks). */
    public void afterPulse(LongConsumer c) {
        afterPulse.add(c);
    }

    public PulseStats stats() {
        return stats;
    }
}
