package dev.runlens.compare;

import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;

import java.time.Duration;

/**
 * One row of a comparison: the execution {@code key} in the run ({@code a}) and in the baseline
 * ({@code b}); either may be null when only one run has it.
 */
public record ExecutionComparison(NodeIteration key, Execution a, Execution b, Sameness input, Sameness output) {

    public Duration durationA() {
        return a == null ? null : a.duration();
    }

    public Duration durationB() {
        return b == null ? null : b.duration();
    }

    /** Run minus baseline, or null when either is unknown. */
    public Duration delta() {
        Duration x = durationA();
        Duration y = durationB();
        return x == null || y == null ? null : x.minus(y);
    }

    /** Run over baseline (2.0: twice as long), or NaN when either is unknown or the baseline took no time. */
    public double ratio() {
        Duration x = durationA();
        Duration y = durationB();
        if (x == null || y == null || y.isZero() || y.isNegative()) {
            return Double.NaN;
        }
        return x.toNanos() / (double) y.toNanos();
    }

    /** True when the execution's status, input or output differs (durations never make a difference). */
    public boolean differs() {
        return input.differs() || output.differs() || a != null && b != null && statusDiffers();
    }

    private boolean statusDiffers() {
        return a.status() != b.status() && a.status() != ExecutionStatus.RUNNING;
    }
}
