package dev.runlens.ui.fx;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.time.Instant;
import java.util.List;

/** What the dashboard keeps about one run beyond its model state: its feed and its event log. */
public final class RunTrack {
    private final Run run;
    private final Feed feed;
    private final RowStore rows;
    Instant lastReceivedAt;

    RunTrack(Run run, Feed feed) {
        this.run = run;
        this.feed = feed;
        this.rows = new RowStore(run.ref(), new TextArena());
        rows.attach(run);
    }

    /**
     * The track of {@code run} after a replay seek: takes over {@code earlier}'s rows, cut to those
     * with a sequence below {@code position} (sharing its columns: only the dropped rows are touched), then
     * {@code later} (the rows of the entries a forward seek skipped, or null). Rows refer to their
     * execution by its index in the run, so they need no re-linking to the new run's executions.
     */
    RunTrack(Run run, Feed feed, RunTrack earlier, long position, RowBlock later) {
        this.run = run;
        this.feed = feed;
        this.rows = earlier == null ? new RowStore(run.ref(), new TextArena()) : earlier.rows.cut(position);
        rows.attach(run);
        if (later != null) {
            rows.addAll(later);
        }
        lastReceivedAt = rows.size() == 0 ? null : rows.receivedAt(rows.size() - 1);
    }

    void add(EventRow row) {
        rows.add(row);
    }

    public Run run() {
        return run;
    }

    public Feed feed() {
        return feed;
    }

    /** Every event row of the run, in arrival order: a live read-only view, rows made on demand. */
    public List<EventRow> rows() {
        return rows.all();
    }

    /** The rows of one execution, in arrival order; for null, the run-level rows (no execution). */
    public List<EventRow> rows(Execution execution) {
        return rows.rows(execution);
    }

    /** The event kinds of this run's rows, in first-seen order. */
    public List<String> kinds() {
        return rows.kinds();
    }

    /** The node ids of this run's rows, in first-seen order. */
    public List<String> nodes() {
        return rows.nodes();
    }

    public Instant lastReceivedAt() {
        return lastReceivedAt;
    }
}
