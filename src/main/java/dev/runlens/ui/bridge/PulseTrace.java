package dev.runlens.ui.bridge;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where each pulse's time went, for finding what makes a gap long: the batch, the repaints after
 * it, CSS and layout, and the rest (syncing the scene and waiting for the render thread to finish
 * the previous frame). Off unless {@code -Drunlens.pulse.trace=FILE}; written as CSV when the
 * window closes. A diagnostic for developers, not a feature.
 */
public final class PulseTrace {
    private static final int COLUMNS = 11;
    private static final String HEADER = "pulse_ms,enter_ms,drain_ms,after_ms,layout_start_ms,layout_ms,batch,fx_cpu_ms,render_cpu_ms,gcs,gc_ms";

    private final Path file;
    private long[] rows = new long[COLUMNS * 8192];
    private int count;
    private long origin = -1;
    // CPU time of the FX and render threads since the previous pulse: unlike wall time, it does
    // not grow when other processes take the cores, so it shows what a pulse costs by itself.
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long renderThread = -1;
    private long lastFxCpu = -1;
    private long lastRenderCpu = -1;
    // Collections finished since the previous pulse, and their time: a long gap with one is a pause.
    private final java.util.List<java.lang.management.GarbageCollectorMXBean> collectors =
            java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
    private long lastGcs = -1;
    private long lastGcMs;

    PulseTrace(Path file) {
        this.file = file;
    }

    /** The trace asked for on the command line, or null. */
    public static PulseTrace fromSystemProperty() {
        String f = System.getProperty("runlens.pulse.trace");
        return f == null || f.isBlank() ? null : new PulseTrace(Path.of(f));
    }

    void pulse(long pulseNanos, long enterNanos, long drainedNanos, long afterNanos, int batch) {
        if (origin < 0) {
            origin = pulseNanos;
        }
        if ((count + 1) * COLUMNS > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        int at = count * COLUMNS;
        rows[at] = pulseNanos;
        rows[at + 1] = enterNanos;
        rows[at + 2] = drainedNanos;
        rows[at + 3] = afterNanos;
        rows[at + 4] = -1;
        rows[at + 5] = -1;
        rows[at + 6] = batch;
        long fxCpu = threads.getCurrentThreadCpuTime();
        long renderCpu = renderCpu();
        rows[at + 7] = lastFxCpu < 0 ? 0 : fxCpu - lastFxCpu;
        rows[at + 8] = lastRenderCpu < 0 || renderCpu < 0 ? 0 : renderCpu - lastRenderCpu;
        lastFxCpu = fxCpu;
        lastRenderCpu = renderCpu;
        long gcs = 0;
        long gcMs = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : collectors) {
            gcs += Math.max(0, gc.getCollectionCount());
            gcMs += Math.max(0, gc.getCollectionTime());
        }
        rows[at + 9] = lastGcs < 0 ? 0 : gcs - lastGcs;
        rows[at + 10] = lastGcs < 0 ? 0 : gcMs - lastGcMs;
        lastGcs = gcs;
        lastGcMs = gcMs;
        count++;
    }

    private long renderCpu() {
        if (renderThread < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    renderThread = t.getId();
                }
            }
        }
        return renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread);
    }

    /** CSS and layout of the current pulse begin (scene pre-layout listener). */
    public void layoutStart() {
        if (count > 0) {
            rows[(count - 1) * COLUMNS + 4] = System.nanoTime();
        }
    }

    /** CSS and layout of the current pulse ended (scene post-layout listener). */
    public void layoutEnd() {
        if (count > 0) {
            rows[(count - 1) * COLUMNS + 5] = System.nanoTime();
        }
    }

    /** Writes the trace: one line per pulse, times in ms since the first pulse. */
    public void write() throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < count; i++) {
                int at = i * COLUMNS;
                long pulse = rows[at];
                long enter = rows[at + 1];
                long drained = rows[at + 2];
                long after = rows[at + 3];
                long ls = rows[at + 4];
                long le = rows[at + 5];
                w.write(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%.3f,%.3f,%d,%d%n",
                        ms(pulse - origin), ms(enter - pulse), ms(drained - enter), ms(after - drained),
                        ls < 0 ? -1 : ms(ls - pulse), ls < 0 || le < 0 ? -1 : ms(le - ls), rows[at + 6],
                        ms(rows[at + 7]), ms(rows[at + 8]), rows[at + 9], rows[at + 10]));
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
