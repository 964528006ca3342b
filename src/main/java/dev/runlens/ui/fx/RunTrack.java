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
    }

    /** A track for {@code run} that will take rows from {@code earlier} (a replay seek), sharing its texts. */
    RunTrack(Run run, Feed feed, RunTrack earlier) {
        this.run = run;
        this.feed = feed;
        this.rows = earlier.rows.emptyCopy();
    }

    void add(EventRow row) {
        rows.add(row);
    }

    /** Takes {@code earlier}'s rows with a sequence below {@code position}, linked to this run's executions. */
    void keepFrom(RunTrack earlier, long position) {
        RowStore src = earlier.rows;
        for (int i = 0; i < src.size(); i++) {
            if (src.sequence(i) < position) {
                Execution old = src.execution(i);
                rows.addFrom(src, i, old == null ? null : counterpart(old));
                lastReceivedAt = src.receivedAt(i);
            }
        }
    }

    /**
     * This run's execution for {@code old} (of the model before a seek). Replaying the same prefix
     * creates executions in the same order, so the index finds it without a key lookup per row.
     */
    private Execution counterpart(Execution old) {
        List<Execution> all = run.executions();
        if (old.index() < all.size()) {
            Execution e = all.get(old.index());
            if (e.times() == old.times() && e.node().equals(old.node())) {
                return e;
            }
        }
        return run.execution(old.node(), old.times());
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
