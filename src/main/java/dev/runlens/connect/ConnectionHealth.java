package dev.runlens.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Since when a connection has not delivered, when it was cut, and how long to wait before the
 * next attempt: the backoff grows with each failure in a row and the connection gives up once
 * it has not worked for longer than the request allows.
 */
final class ConnectionHealth {
    private final Backoff backoff;
    private final Duration giveUpAfter;
    private int failures;
    private Instant unhealthySince;
    private Instant disconnectedAt;

    ConnectionHealth(Backoff backoff, Duration giveUpAfter) {
        this.backoff = backoff;
        this.giveUpAfter = giveUpAfter;
    }

    /** The first attempt starts: not working yet. */
    void starting(Instant now) {
        unhealthySince = now;
    }

    /** Frames flow: the next failure starts the backoff from the beginning. */
    void delivering() {
        failures = 0;
        unhealthySince = null;
    }

    /** When the connection was cut, or null when it has not been (since the last reconnect). */
    Instant disconnectedAt() {
        return disconnectedAt;
    }

    /** A socket opened again after a cut. */
    void reconnected() {
        disconnectedAt = null;
    }

    /** The connection was lost: the wait before the next attempt, or null to give up. */
    Duration lost(Instant now) {
        if (disconnectedAt == null) {
            disconnectedAt = now;
        }
        if (unhealthySince == null) {
            unhealthySince = now;
        }
        Duration delay = backoff.delay(failures++);
        if (giveUpAfter != null && Duration.between(unhealthySince, now.plus(delay)).compareTo(giveUpAfter) > 0) {
            return null;
        }
        return delay;
    }

    /** {@code 250 ms}, {@code 1.5 s}. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
