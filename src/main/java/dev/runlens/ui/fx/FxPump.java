package dev.runlens.ui.fx;

import javafx.animation.AnimationTimer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Drains the bridge once per pulse on the FX thread and applies everything waiting as one batch.
 * Applying to the model is cheap; drawing is not, so a burst is absorbed by coalescing the display
 * (views repaint once per pulse, whatever the batch size) rather than by leaving items queued: the
 * backlog stays bounded by what arrives between two pulses, and nothing is ever dropped.
 */
public final class FxPump extends AnimationTimer {
    /**
     * The most one pulse takes. Only reached after a long stall (a GC pause, a suspended laptop):
     * the rest is taken by the next pulses, so one pulse never grows without bound.
     */
    static final int MAX_PER_PULSE = 100_000;

    private final FrameBridge bridge;
    private final DashboardModel model;
    private final PulseStats stats = new PulseStats();
    private final List<LongConsumer> afterPulse = new CopyOnWriteArrayList<>();

    private long drainedUpTo;

    public FxPump(FrameBridge bridge, DashboardModel model) {
        this.bridge = bridge;
        this.model = model;
    }

    @Override
    public void handle(long now) {
        stats.pulse(now, bridge.backlog());
        drainOnce();
        long newest = bridge.lastEnqueueNanos();
        if (bridge.backlog() == 0 && newest != drainedUpTo) {
            stats.drained(System.nanoTime() - newest);
            drainedUpTo = newest;
        }
        for (LongConsumer c : afterPulse) {
            c.accept(now);
        }
    }

    /** Applies what is waiting (up to {@link #MAX_PER_PULSE}) as one batch. Public for tests that drive the model without pulses. */
    public Batch drainOnce() {
        return model.apply(bridge.drain(MAX_PER_PULSE));
    }

    /** Drains everything (tests, and before writing final stats). */
    public void drainAll() {
        while (bridge.backlog() > 0) {
            model.apply(bridge.drain(MAX_PER_PULSE));
        }
    }

    @Override
    public void stop() {
        super.stop();
        stats.pause();
    }

    /** Runs after each pulse's batch, on the FX thread (repaints, clocks). */
    public void afterPulse(LongConsumer c) {
        afterPulse.add(c);
    }

    public PulseStats stats() {
        return stats;
    }
}
