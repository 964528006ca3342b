package dev.runlens.replay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplayClockTest {
    private static final long MS = 1_000_000L;

    /** Entry times in milliseconds; -1 for an entry without a time. */
    private static EntryTimes times(long... millis) {
        return new EntryTimes() {
            @Override
            public int size() {
                return millis.length;
            }

            @Override
            public long timeNanos(int index) {
                return millis[index] < 0 ? Long.MIN_VALUE : millis[index] * MS;
            }
        };
    }

    private final EntryTimes recorded = times(0, 100, 300, 1300, 1300, 1400);

    @Test
    void realTimePlaysTheRecordedGaps() {
        ReplayClock clock = new ReplayClock(recorded);
        Playback p = Playback.speed(1);
        assertEquals(1, clock.target(0, 0, p), "the first entry is due at once");
        assertEquals(1, clock.target(0, 99 * MS, p));
        assertEquals(2, clock.target(0, 100 * MS, p));
        assertEquals(3, clock.target(0, 300 * MS, p));
        assertEquals(3, clock.target(0, 1299 * MS, p));
        assertEquals(5, clock.target(0, 1300 * MS, p), "entries at the same time come together");
        assertEquals(6, clock.target(0, 1400 * MS, p));
        assertEquals(6, clock.target(0, 99_000 * MS, p), "never beyond the end");
    }

    @Test
    void speedScalesTheGaps() {
        ReplayClock clock = new ReplayClock(recorded);
        assertEquals(2, new ReplayClock(recorded).target(0, 50 * MS, Playback.speed(2)));
        assertEquals(1, new ReplayClock(recorded).target(0, 49 * MS, Playback.speed(2)));
        assertEquals(3, clock.target(0, 300 * MS / 16, Playback.speed(16)));
        assertEquals(1, clock.target(0, 399 * MS, Playback.speed(0.25)));
        assertEquals(2, clock.target(0, 400 * MS, Playback.speed(0.25)));
    }

    @Test
    void playingFromTheMiddleStartsWithTheNextEntry() {
        ReplayClock clock = new ReplayClock(recorded);
        assertEquals(3, clock.target(2, 0, Playback.speed(1)), "entry 2 is due at once");
        assertEquals(3, clock.target(2, 999 * MS, Playback.speed(1)));
        assertEquals(5, clock.target(2, 1000 * MS, Playback.speed(1)));
        assertEquals(6, clock.target(6, 10 * MS, Playback.speed(1)), "at the end nothing moves");
    }

    @Test
    void idleStretchesLongerThanTheThresholdAreShortened() {
        Playback skipping = Playback.speed(1).skippingIdleOver(Duration.ofMillis(200));
        ReplayClock clock = new ReplayClock(recorded);
        // Gaps 100, 200, 1000 -> 200, 0, 100.
        assertEquals(3, clock.target(0, 300 * MS, skipping));
        assertEquals(3, clock.target(0, 499 * MS, skipping));
        assertEquals(5, clock.target(0, 500 * MS, skipping));
        assertEquals(6, clock.target(0, 600 * MS, skipping));
    }

    @Test
    void maxPlaysAFixedNumberOfEntriesPerSecond() {
        EntryTimes many = times(new long[1000]);
        ReplayClock clock = new ReplayClock(many);
        Playback max = new Playback(1, true, null, 100);
        assertEquals(1, clock.target(0, 0, max));
        assertEquals(11, clock.target(0, 100 * MS, max));
        assertEquals(1000, clock.target(0, 60_000 * MS, max));
        assertEquals(1000, clock.target(0, 1, Playback.speed(1)), "equal times all come at once");
    }

    @Test
    void missingAndBackwardTimesCountAsNoGap() {
        ReplayClock clock = new ReplayClock(times(0, -1, 500, 200, 700));
        Playback p = Playback.speed(1);
        // Gaps: 0 (missing), 0 (missing before), 0 (backwards), 500.
        assertEquals(4, clock.target(0, 0, p));
        assertEquals(4, clock.target(0, 499 * MS, p));
        assertEquals(5, clock.target(0, 500 * MS, p));
    }

    @Test
    void askingAgainLaterGivesTheSameAsAFreshClock() {
        long[] t = new long[500];
        for (int i = 1; i < t.length; i++) {
            t[i] = t[i - 1] + (i * 37L) % 23;
        }
        EntryTimes et = times(t);
        ReplayClock reused = new ReplayClock(et);
        Playback p = Playback.speed(1.5).skippingIdleOver(Duration.ofMillis(15));
        for (long e = 0; e < 5_000 * MS; e += 7 * MS) {
            assertEquals(new ReplayClock(et).target(3, e, p), reused.target(3, e, p), "elapsed " + e);
        }
        assertEquals(new ReplayClock(et).target(3, 10 * MS, p), reused.target(3, 10 * MS, p), "going back in time");
    }

    @Test
    void speedsOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Playback.speed(0.1));
        assertThrows(IllegalArgumentException.class, () -> Playback.speed(17));
        assertThrows(IllegalArgumentException.class, () -> Playback.speed(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Playback.speed(1).skippingIdleOver(Duration.ZERO));
    }
}
