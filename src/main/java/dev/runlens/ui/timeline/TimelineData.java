package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one run's timeline, kept up to date incrementally: new executions are appended to
 * their row, touched rows are re-sorted lazily before drawing.
 */
public final class TimelineData {
    private final Run run;
    private final Map<String, TimelineRow> rows = new LinkedHashMap<>();
    private final List<TimelineRow> rowList = new ArrayList<>();
    private int seen;
    private int notRunSeen;

    public TimelineData(Run run) {
        this.run = run;
        refresh(List.of());
    }

    public Run run() {
        return run;
    }

    /** Takes in new executions and marks the rows of {@code touched} executions for re-sorting. */
    public void refresh(Collection<Execution> touched) {
        List<Execution> all = run.executions();
        for (int i = seen; i < all.size(); i++) {
            Execution e = all.get(i);
            row(e.node(), false).add(e);
        }
        seen = all.size();
        for (Execution e : touched) {
            TimelineRow r = rows.get(e.node());
            if (r != null) {
                r.markDirty();
            }
        }
        if (run.terminal()) {
            // The end of the run turns running bars into interrupted ones ending at the run's end.
            for (TimelineRow r : rowList) {
                r.markDirty();
            }
        }
        List<String> notRun = run.notRun();
        for (int i = notRunSeen; i < notRun.size(); i++) {
            row(notRun.get(i), true);
        }
        notRunSeen = notRun.size();
    }

    private TimelineRow row(String node, boolean notRun) {
        TimelineRow r = rows.get(node);
        if (r == null) {
            r = new TimelineRow(node, notRun);
            rows.put(node, r);
            rowList.add(r);
        }
        return r;
    }

    public List<TimelineRow> rows() {
        return rowList;
    }

    public int rowOf(String node) {
        TimelineRow r = rows.get(node);
        return r == null ? -1 : rowList.indexOf(r);
    }

    public void prepare() {
        for (TimelineRow r : rowList) {
            r.prepare(run);
        }
    }

    /** [first start, last end] of the run in epoch millis, using {@code now} for what still runs. */
    public double[] extent(double now) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (run.startedAt() != null) {
            lo = TimelineRow.millis(run.startedAt());
        }
        if (run.finishedAt() != null) {
            hi = TimelineRow.millis(run.finishedAt());
        }
        for (Execution e : run.executions()) {
            double s = TimelineRow.startMillis(e);
            if (!Double.isNaN(s)) {
                lo = Math.min(lo, s);
                hi = Math.max(hi, TimelineRow.endMillis(e, run, now));
            }
        }
        if (!run.terminal() && lo != Double.POSITIVE_INFINITY) {
            hi = Math.max(hi, now);
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return null;
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }
}
