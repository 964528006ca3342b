package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.IndexedFeed;
import dev.runlens.ui.rows.RunRows;

import java.time.Instant;
import java.util.List;

/** What the dashboard keeps about one run beyond its model state: the feed it came from, and its event rows. */
public final class TrackedRun {
    private Run run;
    private final Feed feed;
    private final RunRows rows;

    private TrackedRun(Run run, Feed feed, RunRows rows) {
        this.run = run;
        this.feed = feed;
        this.rows = rows;
    }

    /** A run seen for the first time: its rows are stored as they come. */
    static TrackedRun live(Run run, Feed feed) {
        return new TrackedRun(run, feed, RunRows.stored(run));
    }

    /** A replayed run's track showing its events below entry {@code position} of {@code source}'s index. */
    static TrackedRun indexed(Run run, Feed feed, IndexedFeed source, int position) {
        return new TrackedRun(run, feed, RunRows.indexed(run, source, position));
    }

    /** A row applied from {@code from}'s frame. */
    void add(EventRow row, Feed from) {
        rows.add(row, run, feed.equals(from));
    }

    /** The model replaced the run by a new object (copy-on-write after a replay seek). */
    void follow(Run now) {
        run = now;
        rows.follow(now);
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
        return rows.of(execution);
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
        return rows.lastReceivedAt();
    }
}
