package dev.runlens.ui.bridge;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Gaps between consecutive FX pulses, in milliseconds, for the {@code --stats-out} figures; and
 * the CPU time the FX and render threads spent since the first pulse, which, unlike the gaps, does
 * not grow when other processes take the cores (what a change saves shows there on a busy machine).
 */
public final class PulseStats {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private double[] gaps = new double[4096];
    private int count;
    private long pulses;
    private long lastNanos = -1;
    private double max;
    private int maxBacklog;
    private double maxDrainMs;
    private long firstNanos = -1;
    private double maxAtMs;
    /** The longest gap after the first one (which includes painting the window's first frame). */
    private double maxAfterFirstFrame;
    private long fxThread = -1;
    private long fxCpuAtFirst;
    private long renderThread = -1;
    private long renderCpuAtFirst;

    /** Called once per pulse with the pulse's timestamp and the backlog seen at its start. */
    public void pulse(long nanos, int backlog) {
        pulses++;
        if (firstNanos < 0) {
            firstNanos = nanos;
            fxThread = Thread.currentThread().threadId();
            fxCpuAtFirst = Math.max(0, THREADS.getThreadCpuTime(fxThread));
        }
        if (renderThread < 0 && (pulses & 63) == 1) {
            findRenderThread();
        }
        maxBacklog = Math.max(maxBacklog, backlog);
        if (lastNanos >= 0) {
            double gap = (nanos - lastNanos) / 1e6;
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, gaps.length * 2);
            }
            gaps[count++] = gap;
            if (count > 1) {
                maxAfterFirstFrame = Math.max(maxAfterFirstFrame, gap);
            }
            if (gap > max) {
                max = gap;
                maxAtMs = (nanos - firstNanos) / 1e6;
            }
        }
        lastNanos = nanos;
    }

    private void findRenderThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                renderThread = t.threadId();
                renderCpuAtFirst = Math.max(0, THREADS.getThreadCpuTime(renderThread));
            }
        }
    }

    /** CPU time of the FX thread since the first pulse, in ms (-1 before it). */
    public double fxCpuMs() {
        return fxThread < 0 ? -1 : (THREADS.getThreadCpuTime(fxThread) - fxCpuAtFirst) / 1e6;
    }

    /** CPU time of the render thread since it was first seen (a pulse or two after the first), in ms; -1 if not found. */
    public double renderCpuMs() {
        return renderThread < 0 ? -1 : (THREADS.getThreadCpuTime(renderThread) - renderCpuAtFirst) / 1e6;
    }

    /** Forget the last pulse time: the next gap is not measured (the window was hidden). */
    public void pause() {
        lastNanos = -1;
    }

    public long pulses() {
        return pulses;
    }

    /** The backlog became empty {@code lagNanos} after the newest item had arrived. */
    public void drained(long lagNanos) {
        maxDrainMs = Math.max(maxDrainMs, lagNanos / 1e6);
    }

    /** The longest time from the newest frame's arrival to the display having applied everything. */
    public double maxDrainMs() {
        return maxDrainMs;
    }

    public int maxBacklog() {
        return maxBacklog;
    }

    public double max() {
        return max;
    }

    /** The longest gap once the window's first frame was painted (start-up excluded). */
    public double maxAfterFirstFrame() {
        return maxAfterFirstFrame;
    }

    /** When the longest gap ended, in ms since the first pulse (a stall while starting, or under load). */
    public double maxAtMs() {
        return maxAtMs;
    }

    public double percentile(double p) {
        if (count == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, i))];
    }
}
