package dev.runlens.replay;

/**
 * Where playback should be after some wall time: a pure function of (start position, elapsed
 * wall time, playback) over the entries' recorded times, so the UI's AnimationTimer only asks
 * {@code target(anchor, now - anchorTime, playback)} each frame and seeks the engine there. Anchor
 * again (position and wall time) whenever play starts, the speed changes, or the user seeks.
 *
 * <p>Playing from position {@code p} (entries {@code 0..p-1} applied), entry {@code p} is due at
 * once, and each following entry {@code j} is due {@code gap(j) / speed} after entry {@code j-1},
 * where {@code gap(j)} is the recorded time between them (receive times; server times when the
 * log has none), taken as 0 when either time is missing or time runs backwards, and capped at the
 * idle threshold when idle skipping is on. The result is the position after the last due entry.
 *
 * <p>Same inputs, same result. To keep each frame's cost proportional to the entries it plays,
 * the clock remembers its last walk and continues it when asked again with the same anchor and
 * playback and a later time; so one clock serves one thread (the UI thread).
 */
public final class ReplayClock {
    private final EntryTimes times;
    private int memoAnchor = -1;
    private Playback memoPlayback;
    private long memoElapsed;
    private int memoTarget;
    private double memoDue;

    public ReplayClock(EntryTimes times) {
        this.times = times;
    }

    /**
     * The position playback reaches {@code elapsedNanos} of wall time after starting at position
     * {@code from}; never beyond {@code times.size()}, never before {@code from}.
     */
    public int target(int from, long elapsedNanos, Playback playback) {
        int size = times.size();
        if (from >= size || elapsedNanos < 0) {
            return Math.min(Math.max(from, 0), size);
        }
        if (playback.maximum()) {
            long n = (long) Math.floor(elapsedNanos / 1e9 * playback.maxEventsPerSecond());
            return (int) Math.min(size, (long) from + 1 + n);
        }
        double budget = elapsedNanos * playback.speed();
        long cap = playback.skipIdleOver() == null ? Long.MAX_VALUE : playback.skipIdleOver().toNanos();
        int j;
        double due;
        if (from == memoAnchor && playback.equals(memoPlayback) && elapsedNanos >= memoElapsed) {
            j = memoTarget;
            due = memoDue;
        } else {
            j = from + 1;  // entry `from` is due at once
            due = 0;
        }
        while (j < size) {
            double next = due + gap(j, cap);
            if (next > budget) {
                break;
            }
            due = next;
            j++;
        }
        memoAnchor = from;
        memoPlayback = playback;
        memoElapsed = elapsedNanos;
        memoTarget = j;
        memoDue = due;
        return j;
    }

    private long gap(int j, long cap) {
        long a = times.timeNanos(j - 1);
        long b = times.timeNanos(j);
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE || b <= a) {
            return 0;
        }
        return Math.min(b - a, cap);
    }
}
