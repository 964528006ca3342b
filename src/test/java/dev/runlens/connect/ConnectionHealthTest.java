package dev.runlens.connect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionHealthTest {
    /** No jitter can hide: initial == cap. */
    private static final Backoff ONE_SECOND = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void waitsGrowWithFailuresInARowAndStartOverOnceFramesFlow() {
        ConnectionHealth health = new ConnectionHealth(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10)), null);
        health.starting(T0);
        Duration first = health.lost(T0);
        Duration second = health.lost(T0.plusSeconds(1));
        Duration third = health.lost(T0.plusSeconds(2));
        assertTrue(first.toMillis() >= 100 && first.toMillis() <= 125, first::toString);
        assertTrue(second.toMillis() >= 200 && second.toMillis() <= 250, second::toString);
        assertTrue(third.toMillis() >= 400 && third.toMillis() <= 500, third::toString);
        health.delivering();
        Duration afterDelivery = health.lost(T0.plusSeconds(3));
        assertTrue(afterDelivery.toMillis() <= 125, afterDelivery::toString);
    }

    @Test
    void givesUpWhenTheNextAttemptWouldComeAfterTheLimit() {
        ConnectionHealth health = new ConnectionHealth(ONE_SECOND, Duration.ofSeconds(3));
        health.starting(T0);
        assertEquals(Duration.ofSeconds(1), health.lost(T0));
        assertEquals(Duration.ofSeconds(1), health.lost(T0.plusSeconds(2)));
        assertNull(health.lost(T0.plusMillis(2500)), "the attempt at 3.5 s is past the 3 s limit");
    }

    @Test
    void theLimitCountsFromTheLastWorkingMomentNotTheFirstStart() {
        ConnectionHealth health = new ConnectionHealth(ONE_SECOND, Duration.ofSeconds(3));
        health.starting(T0);
        health.delivering();
        assertEquals(Duration.ofSeconds(1), health.lost(T0.plusSeconds(100)));
        assertEquals(Duration.ofSeconds(1), health.lost(T0.plusSeconds(101)));
    }

    @Test
    void remembersWhenTheFirstCutOfAGapHappenedUntilReconnected() {
        ConnectionHealth health = new ConnectionHealth(ONE_SECOND, null);
        assertNull(health.disconnectedAt());
        health.lost(T0);
        health.lost(T0.plusSeconds(5));
        assertEquals(T0, health.disconnectedAt());
        health.reconnected(T0.plusSeconds(7));
        assertNull(health.disconnectedAt());
        assertEquals(T0, health.outageFrom());
        assertEquals(T0.plusSeconds(7), health.reconnectedAt());
    }

    @Test
    void describesShortWaitsInMillisecondsAndLongOnesInSeconds() {
        assertEquals("250 ms", ConnectionHealth.describe(Duration.ofMillis(250)));
        assertEquals("1.5 s", ConnectionHealth.describe(Duration.ofMillis(1500)));
    }
}
