package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeekProbeTest {
    @Test
    void targetsAreSpreadEvenlyOverTheLog() {
        int[] t = SeekProbe.targets(1_000_000, 20);
        int[] sorted = t.clone();
        Arrays.sort(sorted);
        assertEquals(25_000, sorted[0]);
        assertEquals(975_000, sorted[19]);
        for (int k = 1; k < sorted.length; k++) {
            assertEquals(50_000, sorted[k] - sorted[k - 1], "evenly spaced");
        }
    }

    @Test
    void targetsMoveBothForwardsAndBackwardsAndRepeat() {
        int[] t = SeekProbe.targets(1_000_000, 20);
        int back = 0;
        for (int k = 1; k < t.length; k++) {
            back += t[k] < t[k - 1] ? 1 : 0;
        }
        assertTrue(back >= 5 && back <= 14, "a mix of directions, saw " + back + " backward of 19");
        assertArrayEquals(t, SeekProbe.targets(1_000_000, 20), "the same seeks every run");
    }

    @Test
    void targetsStayInsideASmallLog() {
        for (int p : SeekProbe.targets(3, 10)) {
            assertTrue(p >= 0 && p <= 3, "inside the log: " + p);
        }
    }
}
