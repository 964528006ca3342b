package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One node's executions sorted by start, with the running maximum of their ends, so that the
 * bars of a visible time range are found by binary search instead of a scan.
 */
public final class TimelineRow {
    private final String node;
    private final boolean notRun;
    private final List<Execution> executions = new ArrayList<>();
    private final KnownStarts knownStart;
    private Execution[] sorted = new Execution[16];
    private double[] starts = new double[16];
    private double[] maxEnds = new double[16];
    /** failedUpTo[i]: failed executions among sorted[0..i]. */
    private int[] failedUpTo = new int[16];
    private int size;
    /** Everything must be re-sorted (an execution arrived out of order or its start changed). */
    private boolean resort = true;
    /** Running maxima are stale from this index on. */
    private int staleFrom;
    private double maxClosedDuration;
    private final java.util.TreeSet<Integer> running = new java.util.TreeSet<>();

    TimelineRow(String node, boolean notRun, KnownStarts knownStart) {
        this.node = node;
        this.notRun = notRun;
        this.knownStart = knownStart;
    }

    void add(Execution e) {
        executions.add(e);
        double start = startMillis(e);
        knownStart.put(e, start);
        if (resort || Double.isNaN(start) || (size > 0 && !(start >= starts[size - 1]))) {
            resort = true;
            return;
        }
        // The common case: executions start in order, so they are appended.
        grow();
        sorted[size] = e;
        starts[size] = start;
        staleFrom = Math.min(staleFrom, size);
        size++;
    }

    /** An execution of this row changed (finished, failed, got its start). */
    void touched(Execution e) {
        if (resort) {
            return;
        }
        double start = startMillis(e);
        if (!knownStart.same(e, start)) {
            knownStart.put(e, start);
            resort = true;
            return;
        }
        int i = indexOf(e, start);
        if (i < 0) {
            resort = true;
        } else {
            staleFrom = Math.min(staleFrom, i);
        }
    }

    void markDirty() {
        resort = true;
    }

    private int indexOf(Execution e, double start) {
        for (int i = firstStartingAt(start, 0); i < size && starts[i] == start; i++) {
            if (sorted[i] == e) {
                return i;
            }
        }
        return -1;
    }

    private void grow() {
        if (size == sorted.length) {
            int n = sorted.length * 2;
            sorted = Arrays.copyOf(sorted, n);
            starts = Arrays.copyOf(starts, n);
            maxEnds = Arrays.copyOf(maxEnds, n);
            failedUpTo = Arrays.copyOf(failedUpTo, n);
        }
    }

    public String node() {
        return node;
    }

    /** A node listed as not run: it has no executions. */
    public boolean notRun() {
        return notRun;
    }

    public int size() {
        return executions.size();
    }

    /**
     * Brings the sorted arrays up to date: a full sort only when order may have changed, else the
     * running maxima from the first changed execution on (usually just the newest ones).
     */
    void prepare(Run run) {
        if (resort) {
            size = executions.size();
            sorted = executions.toArray(new Execution[Math.max(16, size)]);
            Arrays.sort(sorted, 0, size, Comparator.comparingDouble(TimelineRow::startMillis));
            starts = new double[sorted.length];
            maxEnds = new double[sorted.length];
            failedUpTo = new int[sorted.length];
            for (int i = 0; i < size; i++) {
                starts[i] = startMillis(sorted[i]);
                knownStart.put(sorted[i], starts[i]);
            }
            staleFrom = 0;
            resort = false;
        }
        if (staleFrom >= size) {
            return;
        }
        double max = staleFrom == 0 ? Double.NEGATIVE_INFINITY : maxEnds[staleFrom - 1];
        if (staleFrom == 0) {
            maxClosedDuration = 0;
        }
        int from = staleFrom;
        running.removeIf(i -> i >= from || isClosed(sorted[i], run));
        int failed = staleFrom == 0 ? 0 : failedUpTo[staleFrom - 1];
        for (int i = staleFrom; i < size; i++) {
            if (sorted[i].status() == dev.runlens.model.ExecutionStatus.FAILED) {
                failed++;
            }
            failedUpTo[i] = failed;
            double end = endMillis(sorted[i], run, Double.POSITIVE_INFINITY);
            max = Math.max(max, end);
            maxEnds[i] = max;
            if (end == Double.POSITIVE_INFINITY) {
                running.add(i);
            } else if (!Double.isNaN(starts[i])) {
                maxClosedDuration = Math.max(maxClosedDuration, end - starts[i]);
            }
        }
        staleFrom = size;
    }

    private static boolean isClosed(Execution e, Run run) {
        return e.finished() || run.terminal();
    }

    /** The longest bar among executions that have ended (running ones are in {@link #running()}). */
    double maxClosedDuration() {
        return maxClosedDuration;
    }

    /** Sorted positions of executions still running (their bars grow with time). */
    java.util.SortedSet<Integer> running() {
        return running;
    }

    /** True when an execution in sorted[from..to] failed. */
    boolean anyFailed(int from, int to) {
        return failedUpTo[to] - (from == 0 ? 0 : failedUpTo[from - 1]) > 0;
    }

    /** Position of {@code e} in start order, or -1. */
    int positionOf(Execution e) {
        return e == null ? -1 : indexOf(e, startMillis(e));
    }

    /** Index of the first execution with start &gt;= {@code millis}. */
    int firstStartingAt(double millis, int from) {
        return firstAtLeast(starts, from, millis);
    }

    /** Index of the first execution that may overlap {@code fromMillis}. */
    int firstVisible(double fromMillis) {
        return firstAtLeast(maxEnds, 0, fromMillis);
    }

    /** The first index from {@code lo} whose value is at least {@code key} (values ascend up to {@link #size}). */
    private int firstAtLeast(double[] values, int lo, double key) {
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int sortedSize() {
        return size;
    }

    Execution sortedAt(int i) {
        return sorted[i];
    }

    double startAt(int i) {
        return starts[i];
    }

    /** Executions in start order (prepared). */
    public List<Execution> inStartOrder() {
        return List.of(Arrays.copyOf(sorted, size));
    }

    static double startMillis(Execution e) {
        double start = e.startedMillis();
        return Double.isNaN(start) ? e.finishedMillis() : start;
    }

    /**
     * Where the bar ends: its finish (never before its start: server times are not monotonic),
     * the run's end for an interrupted execution, or {@code now} while it runs.
     */
    static double endMillis(Execution e, Run run, double now) {
        double start = startMillis(e);
        double end;
        if (e.finished() && !Double.isNaN(e.finishedMillis())) {
            end = e.finishedMillis();
        } else if (run.terminal() && run.finishedAt() != null) {
            end = millis(run.finishedAt());
        } else if (e.finished()) {
            end = start;
        } else {
            end = now;
        }
        return Double.isNaN(start) ? end : Math.max(start, end);
    }

    static double millis(Instant t) {
        return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
    }
}
