package dev.runlens.connect;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: {@code initial · 2^attempt}, capped, plus up to a quarter of random jitter
 * (still capped) so many clients do not reconnect in step. {@link #standard()} is 1 s to 30 s.
 */
public record Backoff(Duration initial, Duration cap) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= cap");
        }
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The delay before reconnect attempt {@code attempt} (0 = the first after a drop). */
    public Duration delay(int attempt) {
        long capNanos = cap.toNanos();
        long base = initial.toNanos();
        for (int i = 0; i < attempt && base < capNanos; i++) {
            base *= 2;
        }
        base = Math.min(base, capNanos);
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofNanos(Math.min(capNanos, base + jitter));
    }
}
