package dev.runlens.ui.replay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeekWorkTest {
    @Test
    void theHandOffIsTheTimeBetweenTheWorkersEndAndTheRestoresStart() {
        // The worker started at 1.000 s and built for 12 ms; the FX thread began the restore at 1.050 s.
        SeekWork w = new SeekWork(12, 10, 20, 18, 1_000_000_000L, 1_050_000_000L, 1_070_000_000L);
        assertEquals(38.0, w.handOffMs(), 1e-9);
    }
}
