package dev.runlens.compare;

import dev.runlens.history.UsualDuration;
import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.summary.Durations;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An execution still running past the 95th percentile of its node's usual duration (decision
 * 0053). "Its usual time" is the median: 3.1× means three times the median so far.
 */
public record Overdue(NodeIteration key, Duration elapsed, UsualDuration usual) {

    /** The execution's overdue state at {@code now}, or null when it is not running, has no usual duration or is within it. */
    public static Overdue of(Execution e, UsualDuration usual, Instant now) {
        if (usual == null || usual.samples() == 0 || e.finished() || e.status() != ExecutionStatus.RUNNING
                || e.startedAt() == null || now == null) {
            return null;
        }
        Duration elapsed = Duration.between(e.startedAt(), now);
        return past(elapsed.toMillis(), usual) ? new Overdue(NodeIteration.of(e), elapsed, usual) : null;
    }

    /** True when {@code elapsedMillis} is beyond the usual 95th percentile. */
    public static boolean past(double elapsedMillis, UsualDuration usual) {
        return usual != null && usual.samples() > 0 && elapsedMillis > usual.p95Millis();
    }

    /** Elapsed over the usual median (a median of 0 counts as 1 ms). */
    public static double timesUsual(double elapsedMillis, UsualDuration usual) {
        return elapsedMillis / Math.max(1, usual.medianMillis());
    }

    public double timesUsual() {
        return timesUsual(elapsed.toMillis(), usual);
    }

    /** "3.1× its usual time". */
    public String text() {
        return String.format(Locale.ROOT, "%.1f× its usual time", timesUsual());
    }

    /** The text with the figures it comes from, for the hover card and the inspector. */
    public String detail() {
        return "Overdue: " + text() + " (running " + Durations.format(elapsed) + "; usual " + usualText(usual) + ")";
    }

    /** "median 120.0ms, 95% within 300.0ms over 20 runs". */
    public static String usualText(UsualDuration u) {
        return "median " + Durations.format(Duration.ofMillis(u.medianMillis())) + ", 95% within "
                + Durations.format(Duration.ofMillis(u.p95Millis())) + " over " + u.samples() + (u.samples() == 1 ? " run" : " runs");
    }
}
