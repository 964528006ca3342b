package dev.runlens.summary;

import java.time.Duration;
import java.time.Instant;

/** Human durations. Event times are not monotonic, so a negative span is shown as it is. */
public final class Durations {
    private Durations() {
    }

    public static String between(Instant from, Instant to) {
        if (from == null || to == null) {
            return "-";
        }
        return format(Duration.between(from, to));
    }

    public static String format(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long ms = a.toMillis();
        String s;
        if (ms < 1000) {
            long micros = a.toNanos() / 1000;
            s = micros < 1000 ? micros + "µs" : String.format("%.1fms", micros / 1000.0);
        } else if (ms < 60_000) {
            s = String.format("%.3fs", ms / 1000.0);
        } else if (ms < 3_600_000) {
            s = String.format("%dm%02ds", ms / 60_000, (ms / 1000) % 60);
        } else {
            s = String.format("%dh%02dm%02ds", ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60);
        }
        return negative ? "-" + s : s;
    }
}
