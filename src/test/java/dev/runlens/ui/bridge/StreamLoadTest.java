package dev.runlens.ui.bridge;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamLoadTest {
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final StreamLoad load = new StreamLoad(backlog::get, received::get, now::get);

    private void after(long millis, long frames) {
        now.addAndGet(millis * 1_000_000L);
        received.addAndGet(frames);
    }

    @Test
    void aQuietWindowIsNotBusy() {
        after(300, 10);
        assertFalse(load.getAsBoolean());
    }

    @Test
    void aFirehoseIsBusyUntilItStops() {
        after(250, 5_000); // 20,000 a second
        assertTrue(load.getAsBoolean());
        after(100, 0); // too soon to measure again: the last rate holds
        assertTrue(load.getAsBoolean());
        after(400, 100); // 250 a second
        assertFalse(load.getAsBoolean());
    }

    @Test
    void aRateJustOverTheLineIsBusyAndJustUnderIsNot() {
        after(1_000, StreamLoad.BUSY_RATE + 1);
        assertTrue(load.getAsBoolean());
        after(1_000, StreamLoad.BUSY_RATE - 1);
        assertFalse(load.getAsBoolean());
    }

    @Test
    void aWindowBehindIsBusyWhateverTheRate() {
        backlog.set(StreamLoad.BEHIND + 1);
        after(300, 0);
        assertTrue(load.getAsBoolean());
        backlog.set(StreamLoad.BEHIND);
        assertFalse(load.getAsBoolean());
    }
}
