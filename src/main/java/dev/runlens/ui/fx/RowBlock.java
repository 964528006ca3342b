package dev.runlens.ui.fx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event rows of one run made off the FX thread as columns (a replay's forward seek: the rows of
 * the entries it skipped), appended to the run's event log in one pass by the FX thread. A row is
 * an entry of the opened log (its text stays there), with times in epoch nanoseconds, interned
 * kind and node, and the index of its execution in the run (-1 for none). Written by one thread,
 * then handed over whole.
 */
public final class RowBlock {
    /** The {@link #times(int)} of a row without an execution number. */
    public static final int NO_TIMES = Integer.MIN_VALUE;
    /** An absent time, as the rows store it. */
    static final long NO_TIME = Long.MIN_VALUE;
    private static final long NANOS_LIMIT_SECONDS = 9_000_000_000L;

    private final FrameRef.LogEntries log;
    private int size;
    private int[] entry = new int[256];
    private long[] received = new long[256];
    private long[] time = new long[256];
    private int[] kind = new int[256];
    private int[] node = new int[256];
    private int[] times = new int[256];
    private int[] length = new int[256];
    private int[] execution = new int[256];
    private final List<String> kinds = new ArrayList<>();
    private final Map<String, Integer> kindIds = new HashMap<>();
    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Integer> nodeIds = new HashMap<>();
    /** Instants too far from 1970 for a long of nanoseconds, by row and column (0 received, 1 time). */
    private final Map<Long, Instant> odd = new HashMap<>();

    public RowBlock(FrameRef.LogEntries log) {
        this.log = log;
    }

    /**
     * Adds the row of entry {@code entryIndex} ({@code length}: its text's length in the log),
     * received at {@code receivedAt} (epoch nanoseconds), with the event's own time (or null).
     */
    public void add(int entryIndex, int textLength, long receivedAt, Instant eventTime, String kindName, String nodeId,
                    int executionTimes, int executionIndex) {
        if (size == entry.length) {
            int n = size * 2;
            entry = Arrays.copyOf(entry, n);
            received = Arrays.copyOf(received, n);
            time = Arrays.copyOf(time, n);
            kind = Arrays.copyOf(kind, n);
            node = Arrays.copyOf(node, n);
            times = Arrays.copyOf(times, n);
            length = Arrays.copyOf(length, n);
            execution = Arrays.copyOf(execution, n);
        }
        entry[size] = entryIndex;
        length[size] = textLength;
        received[size] = receivedAt;
        time[size] = nanos(eventTime, size);
        kind[size] = RowStore.intern(kindName, kinds, kindIds);
        node[size] = nodeId == null ? -1 : RowStore.intern(nodeId, nodes, nodeIds);
        times[size] = executionTimes;
        execution[size] = executionIndex;
        size++;
    }

    /** As above, with the event's time in epoch nanoseconds ({@link Long#MIN_VALUE} for none). */
    public void add(int entryIndex, int textLength, long receivedAt, long eventNanos, String kindName, String nodeId,
                    int executionTimes, int executionIndex) {
        add(entryIndex, textLength, receivedAt, (Instant) null, kindName, nodeId, executionTimes, executionIndex);
        time[size - 1] = eventNanos;
    }

    private long nanos(Instant t, int row) {
        if (t == null) {
            return NO_TIME;
        }
        if (Math.abs(t.getEpochSecond()) >= NANOS_LIMIT_SECONDS) {
            odd.put(((long) row << 1) | 1, t);
            return NO_TIME;
        }
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    public int size() {
        return size;
    }

    FrameRef.LogEntries log() {
        return log;
    }

    int entry(int row) {
        return entry[row];
    }

    long received(int row) {
        return received[row];
    }

    long time(int row) {
        return time[row];
    }

    Instant oddTime(int row) {
        return odd.isEmpty() ? null : odd.get(((long) row << 1) | 1);
    }

    int kind(int row) {
        return kind[row];
    }

    int node(int row) {
        return node[row];
    }

    int times(int row) {
        return times[row];
    }

    int length(int row) {
        return length[row];
    }

    int execution(int row) {
        return execution[row];
    }

    List<String> kinds() {
        return kinds;
    }

    List<String> nodes() {
        return nodes;
    }
}
