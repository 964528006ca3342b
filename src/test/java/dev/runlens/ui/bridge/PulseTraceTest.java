package dev.runlens.ui.bridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-pulse trace: one CSV line per pulse, times relative to the first pulse. */
class PulseTraceTest {
    @TempDir
    Path dir;

    @Test
    void writesOneLinePerPulseWithItsParts() throws Exception {
        Path file = dir.resolve("pulses.csv");
        PulseTrace trace = new PulseTrace(file);
        long t0 = 1_000_000_000L;
        trace.pulse(t0, t0 + 100_000, t0 + 2_100_000, t0 + 2_600_000, 64);
        trace.layoutStart();
        trace.layoutEnd();
        System.gc();  // one collection between the two pulses
        trace.pulse(t0 + 16_000_000, t0 + 16_050_000, t0 + 16_550_000, t0 + 17_050_000, 0);
        trace.write();
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals("pulse_ms,enter_ms,drain_ms,after_ms,layout_start_ms,layout_ms,batch,fx_cpu_ms,render_cpu_ms,gcs,gc_ms", lines.get(0));
        String[] first = lines.get(1).split(",");
        assertEquals("0.000", first[0]);
        assertEquals("0.100", first[1]);
        assertEquals("2.000", first[2]);
        assertEquals("0.500", first[3]);
        assertTrue(Double.parseDouble(first[5]) >= 0, "the layout of the first pulse was seen");
        assertEquals("64", first[6]);
        String[] second = lines.get(2).split(",");
        assertEquals("16.000", second[0]);
        assertEquals("-1.000", second[4], "no layout seen for the second pulse");
        assertEquals("0", second[6]);
        assertTrue(Double.parseDouble(second[7]) >= 0, "CPU time of this thread since the previous pulse");
        assertEquals("0", first[9], "no collections counted before the first pulse");
        assertTrue(Long.parseLong(second[9]) >= 1, "the collection between the pulses is counted");
        assertTrue(Long.parseLong(second[10]) >= 0, "and its time");
    }
}
