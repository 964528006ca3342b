package dev.runlens.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Since when a connection has not worked, when it was cut and reopened, and how long to wait
 * before the next attempt. A socket that opened and authenticated (or delivered any stream
 * frame, replayed ones included) is evidence the server is there: the next attempt comes after
 * the backoff's first step (about a second). Only attempts that fail to connect or to
 * authenticate make the wait grow, and only they count towards giving up.
 */
final class ConnectionHealth {
    private final Backoff backoff;
    private final Duration giveUpAfter;
    private int failures;
    private Instant unhealthySince;
    private Instant disconnectedAt;
    private Instant outageFrom;
    private Instant reconnectedAt;

    ConnectionHealth(Backoff backoff, Duration giveUpAfter) {
        this.backoff = backoff;
        this.giveUpAfter = giveUpAfter;
    }

    /** The first attempt starts: not working yet. */
    void starting(Instant now) {
        unhealthySince = now;
    }

    /** The server answered (authenticated, or sent stream frames): the next drop starts the backoff over. */
    void delivering() {
        failures = 0;
        unhealthySince = null;
    }

    /** When the connection was cut, or null when it has not been (since the last reconnect). */
    Instant disconnectedAt() {
        return disconnectedAt;
    }

    /** A socket opened at {@code now}; after a cut, that cut and this moment bound what was missed. */
    void reconnected(Instant now) {
        if (disconnectedAt != null) {
            outageFrom = disconnectedAt;
            reconnectedAt = now;
        }
        disconnectedAt = null;
    }

    /** When the last outage began (the first cut of it), or null if there was none. */
    Instant outageFrom() {
        return outageFrom;
    }

    /** When the socket opened again after the last outage, or null if there was none. */
    Instant reconnectedAt() {
        return reconnectedAt;
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
