package dev.runlens.ui.timeline;

import dev.runlens.history.UsualDuration;
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
    private final KnownStarts knownStarts = new KnownStarts();
    private int seen;
    private int notRunSeen;
    private boolean endSeen;
    /** Each node's usual duration (median to 95th percentile), drawn behind its bars. */
    private Map<String, UsualDuration> usual = Map.of();
    /** Earliest start and latest finish seen, kept as executions arrive (no scan per paint). */
    private double minStart = Double.POSITIVE_INFINITY;
    private double maxFinish = Double.NEGATIVE_INFINITY;

    public TimelineData(Run run) {
        this.run = run;
        refresh(List.of());
    }

    private void widen(Execution e) {
        double s = TimelineRow.startMillis(e);
        if (!Double.isNaN(s)) {
            minStart = Math.min(minStart, s);
            maxFinish = Math.max(maxFinish, s);
        }
        if (e.finished() && !Double.isNaN(e.finishedMillis())) {
            maxFinish = Math.max(maxFinish, e.finishedMillis());
        }
    }

    public Run run() {
        return run;
    }

    /** Takes in new executions and marks the rows of {@code touched} executions for re-sorting. */
    public void refresh(Collection<Execution> touched) {
        List<Execution> all = run.executions();
        for (Execution e : touched) {
            TimelineRow r = rows.get(e.node());
            if (r != null && e.index() < seen) {
                r.touched(e);
            }
            widen(e);
        }
        for (int i = seen; i < all.size(); i++) {
            Execution e = all.get(i);
            row(e.node(), false).add(e);
            widen(e);
        }
        seen = all.size();
        if (run.terminal() && !endSeen) {
            // The end of the run turns running bars into interrupted ones ending at the run's end.
            endSeen = true;
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
            r = new TimelineRow(node, notRun, knownStarts);
            rows.put(node, r);
            rowList.add(r);
        }
        return r;
    }

    public void setUsual(Map<String, UsualDuration> usual) {
        this.usual = usual == null ? Map.of() : usual;
    }

    /** The node's usual duration, or null when the history has none. */
    public UsualDuration usual(String node) {
        return usual.get(node);
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
        double lo = minStart;
        double hi = maxFinish;
        if (run.startedAt() != null) {
            lo = Math.min(lo, TimelineRow.millis(run.startedAt()));
        }
        if (run.finishedAt() != null) {
            hi = Math.max(hi, TimelineRow.millis(run.finishedAt()));
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return null;
        }
        if (!run.terminal()) {
            hi = Math.max(hi, now);
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    /** The execution {@code direction} places from {@code selected} in its node's start order, or null. */
    Execution step(Execution selected, int direction) {
        prepare();
        List<Execution> ordered = rows().get(Math.max(0, rowOf(selected.node()))).inStartOrder();
        int i = ordered.indexOf(selected) + direction;
        return i >= 0 && i < ordered.size() ? ordered.get(i) : null;
    }

    /** The first execution of the next row (from {@code selected}'s, or the top) that has one, or null. */
    Execution nextRowStart(Execution selected, int direction) {
        prepare();
        List<TimelineRow> rows = rows();
        int r = selected == null ? -1 : rowOf(selected.node());
        for (int i = r + direction; i >= 0 && i < rows.size(); i += direction) {
            if (rows.get(i).sortedSize() > 0) {
                return rows.get(i).sortedAt(0);
            }
        }
        return null;
    }
}
