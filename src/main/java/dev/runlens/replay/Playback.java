package dev.runlens.replay;

import java.time.Duration;

/**
 * How replay plays: a speed factor on the recorded gaps between entries (1 = real time, 0.25 to
 * 16), or {@code maximum} (no waiting: {@code maxEventsPerSecond} entries per second of wall time);
 * and, optionally, idle skipping: a recorded gap longer than {@code skipIdleOver} is played as if
 * it were exactly that long (rrweb's inactivity skipping).
 */
public record Playback(double speed, boolean maximum, Duration skipIdleOver, int maxEventsPerSecond) {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 16;
    public static final int DEFAULT_MAX_RATE = 100_000;

    public Playback {
        if (!maximum && !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be between 0.25 and 16, not " + speed);
        }
        if (skipIdleOver != null && (skipIdleOver.isNegative() || skipIdleOver.isZero())) {
            throw new IllegalArgumentException("the idle threshold must be positive");
        }
        if (maxEventsPerSecond <= 0) {
            throw new IllegalArgumentException("maxEventsPerSecond must be positive");
        }
    }

    /** Recorded gaps times {@code 1/speed}: 1 is real time. */
    public static Playback speed(double speed) {
        return new Playback(speed, false, null, DEFAULT_MAX_RATE);
    }

    /** As fast as allowed: {@value #DEFAULT_MAX_RATE} entries per second. */
    public static Playback max() {
        return new Playback(1, true, null, DEFAULT_MAX_RATE);
    }

    /** The same playback, playing recorded gaps longer than {@code threshold} as {@code threshold}. */
    public Playback skippingIdleOver(Duration threshold) {
        return new Playback(speed, maximum, threshold, maxEventsPerSecond);
    }
}
