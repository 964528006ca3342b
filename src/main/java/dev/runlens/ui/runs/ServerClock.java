package dev.runlens.ui.runs;

import java.time.Duration;

/**
 * How a server clock that differs from ours is shown: "server clock +3 min", "server clock −40 s".
 * Differences up to {@link #TOLERANCE} are network delay and ordinary drift, and say nothing.
 */
public final class ServerClock {
    /** Below this the clocks count as agreeing. */
    public static final Duration TOLERANCE = Duration.ofSeconds(5);

    private ServerClock() {
    }

    /** The note for a server clock {@code offset} ahead of ours (negative: behind), or null when they agree. */
    public static String note(Duration offset) {
        if (offset == null || offset.abs().compareTo(TOLERANCE) <= 0) {
            return null;
        }
        return "server clock " + (offset.isNegative() ? "\u2212" : "+") + amount(offset.abs());
    }

    /** A rounded amount: seconds under two minutes, then minutes, hours, days. */
    static String amount(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return Math.round(s / 60.0) + " min";
        }
        if (s < 2 * 86_400) {
            return Math.round(s / 3600.0) + " h";
        }
        return Math.round(s / 86_400.0) + " d";
    }
}
