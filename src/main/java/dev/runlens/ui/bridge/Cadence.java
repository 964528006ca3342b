package dev.runlens.ui.bridge;

/**
 * Which refresh periods begin at the current pulse, so that the window's periodic repaints fall on
 * the same pulses instead of each on its own: a pulse that paints anything costs the render thread
 * a frame, and with the timeline, the runs list's counters, the timeline's title and the status bar
 * each on its own timer nearly every pulse painted something (1,466 of 1,583 in a 30 s burst).
 * Periods are slots of the pulse clock ({@link #FRAME_NANOS} 50 ms, {@link #QUARTER_NANOS} 250 ms,
 * {@link #SECOND_NANOS} 1 s); each longer slot starts where a shorter one does, so the first pulse
 * of a quarter is also the first of its frame slot, and the first of a second is the first of its
 * quarter. One instance per pump, advanced once at the start of each pulse, read by everyone after it.
 */
public final class Cadence {
    /** Streaming repaints (the timeline): 20 a second. */
    public static final long FRAME_NANOS = 50_000_000L;
    /** Figures people read (counters, the status bar, the title, the event log): 4 a second. */
    public static final long QUARTER_NANOS = 250_000_000L;
    /** Clocks (elapsed times, overdue runs). */
    public static final long SECOND_NANOS = 1_000_000_000L;

    private long frameSlot = Long.MIN_VALUE;
    private long quarterSlot = Long.MIN_VALUE;
    private long secondSlot = Long.MIN_VALUE;
    private boolean frame;
    private boolean quarter;
    private boolean second;

    /** Moves to the pulse at {@code pulseNanos} (the pulse's own timestamp, the same for everyone in it). */
    public void pulse(long pulseNanos) {
        long f = Math.floorDiv(pulseNanos, FRAME_NANOS);
        long q = Math.floorDiv(pulseNanos, QUARTER_NANOS);
        long s = Math.floorDiv(pulseNanos, SECOND_NANOS);
        frame = f != frameSlot;
        quarter = q != quarterSlot;
        second = s != secondSlot;
        frameSlot = f;
        quarterSlot = q;
        secondSlot = s;
    }

    /** The current pulse is the first of a 50 ms slot. */
    public boolean frame() {
        return frame;
    }

    /** The current pulse is the first of a 250 ms slot (then also of its 50 ms slot). */
    public boolean quarter() {
        return quarter;
    }

    /** The current pulse is the first of a second (then also of its quarter and 50 ms slot). */
    public boolean second() {
        return second;
    }
}
