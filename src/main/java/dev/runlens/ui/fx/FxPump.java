package dev.runlens.ui.fx;

import javafx.animation.AnimationTimer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Drains the bridge once per pulse on the FX thread and applies the batch to the model. A pulse
 * applies items for at most {@link #BUDGET_NANOS}; whatever is left waits for the next pulse, so a
 * burst slows the display (coalesced) but never drops an event or freezes the window.
 */
public final class FxPump extends AnimationTimer {
    static final long BUDGET_NANOS = 8_000_000;
    private static final int MIN_PER_PULSE = 500;
    private static final int MAX_PER_PULSE = 200_000;
    private int perPulse = 5_000;

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

    /** Applies what the budget allows as one batch. Public for tests that drive the model without pulses. */
    public Batch drainOnce() {
        long start = System.nanoTime();
        Batch batch = model.apply(bridge.drain(perPulse));
        long took = System.nanoTime() - start;
        // Adapt the batch size so that one pulse's work stays near the budget.
        if (took > BUDGET_NANOS && perPulse > MIN_PER_PULSE) {
            perPulse = Math.max(MIN_PER_PULSE, perPulse / 2);
        } else if (took < BUDGET_NANOS / 2 && bridge.backlog() > 0 && perPulse < MAX_PER_PULSE) {
            perPulse = Math.min(MAX_PER_PULSE, perPulse * 2);
        }
        return batch;
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
