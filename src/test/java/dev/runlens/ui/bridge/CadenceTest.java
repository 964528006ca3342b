package dev.runlens.ui.bridge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CadenceTest {
    private static final long PULSE = 16_666_667L;

    @Test
    void periodsFallOnTheSamePulsesAtTheirRates() {
        Cadence c = new Cadence();
        int frames = 0;
        int quarters = 0;
        int seconds = 0;
        // Ten seconds of 60 Hz pulses, starting off any slot boundary.
        long start = 123_456_789_000L + 7_000_000L;
        for (int i = 0; i < 600; i++) {
            c.pulse(start + i * PULSE);
            frames += c.frame() ? 1 : 0;
            quarters += c.quarter() ? 1 : 0;
            seconds += c.second() ? 1 : 0;
            if (c.quarter()) {
                assertTrue(c.frame(), "a quarter's first pulse paints the frame slot too, pulse " + i);
            }
            if (c.second()) {
                assertTrue(c.quarter(), "a second's first pulse is a quarter's too, pulse " + i);
            }
        }
        assertEquals(200, frames, 1, "20 frame slots a second");
        assertEquals(40, quarters, 1, "4 quarters a second");
        assertEquals(10, seconds, 1, "one a second");
    }

    @Test
    void aLongGapStartsEveryPeriodAtOnceAndTheSamePulseTimeStartsNothing() {
        Cadence c = new Cadence();
        c.pulse(5_000_000_000L);
        assertTrue(c.frame() && c.quarter() && c.second(), "the first pulse starts every period");
        c.pulse(5_010_000_000L);
        assertTrue(!c.frame() && !c.quarter() && !c.second(), "10 ms later nothing is due");
        c.pulse(5_010_000_000L);
        assertTrue(!c.frame(), "the same pulse time twice is one slot");
        c.pulse(6_400_000_000L);
        assertTrue(c.frame() && c.quarter() && c.second(), "after a 1.4 s stall everything is due on one pulse");
    }
}
