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
    private Execution[] sorted = new Execution[0];
    private double[] starts = new double[0];
    private double[] maxEnds = new double[0];
    private boolean dirty = true;

    TimelineRow(String node, boolean notRun) {
        this.node = node;
        this.notRun = notRun;
    }

    void add(Execution e) {
        executions.add(e);
        dirty = true;
    }

    void markDirty() {
        dirty = true;
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

    /** Rebuilds the sorted arrays if executions were added or changed since the last call. */
    void prepare(Run run) {
        if (!dirty) {
            return;
        }
        int n = executions.size();
        sorted = executions.toArray(new Execution[0]);
        Arrays.sort(sorted, Comparator.comparingDouble(TimelineRow::startMillis));
        starts = new double[n];
        maxEnds = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            starts[i] = startMillis(sorted[i]);
            double end = endMillis(sorted[i], run, Double.POSITIVE_INFINITY);
            max = Math.max(max, end);
            maxEnds[i] = max;
        }
        dirty = false;
    }

    /** Index of the first execution that may overlap {@code fromMillis}. */
    int firstVisible(double fromMillis) {
        int lo = 0;
        int hi = maxEnds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEnds[mid] < fromMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int sortedSize() {
        return sorted.length;
    }

    Execution sortedAt(int i) {
        return sorted[i];
    }

    double startAt(int i) {
        return starts[i];
    }

    /** Executions in start order (prepared). */
    public List<Execution> inStartOrder() {
        return List.of(sorted);
    }

    static double startMillis(Execution e) {
        Instant t = e.startedAt() != null ? e.startedAt() : e.finishedAt();
        return t == null ? Double.NaN : millis(t);
    }

    /**
     * Where the bar ends: its finish (never before its start: server times are not monotonic),
     * the run's end for an interrupted execution, or {@code now} while it runs.
     */
    static double endMillis(Execution e, Run run, double now) {
        double start = startMillis(e);
        double end;
        if (e.finished() && e.finishedAt() != null) {
            end = millis(e.finishedAt());
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
