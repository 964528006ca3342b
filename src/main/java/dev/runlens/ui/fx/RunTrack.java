package dev.runlens.ui.fx;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard keeps about one run beyond its model state: its feed and its event log. A
 * live run's rows are stored as they come ({@link RowStore}); a replayed run's rows are a view over
 * its file's replay index ({@link IndexRows}), so seeking never builds or copies rows.
 */
public final class RunTrack {
    private Run run;
    private final Feed feed;
    /** Exactly one of the two is set. */
    private RowStore rows;
    private IndexRows indexed;
    /** Every row, whichever of the two holds them (a view that follows a switch from index to store). */
    private final List<EventRow> all = new AllRows();
    Instant lastReceivedAt;

    RunTrack(Run run, Feed feed) {
        this.run = run;
        this.feed = feed;
        this.rows = new RowStore(run.ref(), new TextArena());
        this.indexed = null;
        rows.attach(run);
    }


    /** A replayed run's track showing its events below entry {@code position} of {@code source}'s index. */
    RunTrack(Run run, Feed feed, IndexedFeed source, int position) {
        this.run = run;
        this.feed = feed;
        this.rows = null;
        this.indexed = new IndexRows(source.index(), run.ref(), source.log(), source.summaries(), run, position);
        int n = indexed.size();
        lastReceivedAt = n == 0 ? null : indexed.receivedAt(n - 1);
    }

    /**
     * The track of {@code run} after a replay seek of a feed without an index: takes over
     * {@code earlier}'s rows, cut to those with a sequence below {@code position} (sharing its
     * columns: only the dropped rows are touched). Rows refer to their execution by its index in
     * the run, so they need no re-linking to the new run's executions.
     */
    RunTrack(Run run, Feed feed, RunTrack earlier, long position) {
        this.run = run;
        this.feed = feed;
        this.rows = earlier == null || earlier.rows == null ? new RowStore(run.ref(), new TextArena()) : earlier.rows.cut(position);
        this.indexed = null;
        rows.attach(run);
        lastReceivedAt = rows.size() == 0 ? null : rows.receivedAt(rows.size() - 1);
    }

    /** A row applied from {@code from}'s frame. */
    void add(EventRow row, Feed from) {
        if (indexed != null && !feed.equals(from)) {
            // The run also comes from another source (watched live while its recording is replayed):
            // its rows are no longer entries of one file, so they become stored rows.
            RowStore store = new RowStore(run.ref(), new TextArena());
            store.attach(run);
            for (EventRow r : indexed.all()) {
                store.add(r);
            }
            rows = store;
            indexed = null;
        }
        if (indexed != null) {
            indexed.add(row);
        } else {
            rows.add(row);
        }
    }

    /**
     * The model replaced the run by a new object (a replayed run shared with the replay's
     * snapshots is copied on its first change): rows resolve their executions in the new one.
     */
    void follow(Run now) {
        run = now;
        if (indexed != null) {
            indexed.attach(now);
        } else {
            rows.attach(now);
        }
    }

    public Run run() {
        return run;
    }

    public Feed feed() {
        return feed;
    }

    /** Every event row of the run, in arrival order: a live read-only view, rows made on demand. */
    public List<EventRow> rows() {
        return all;
    }

    private final class AllRows extends java.util.AbstractList<EventRow> implements java.util.RandomAccess {
        @Override
        public EventRow get(int index) {
            return indexed != null ? indexed.get(index) : rows.get(index);
        }

        @Override
        public int size() {
            return indexed != null ? indexed.size() : rows.size();
        }
    }

    /** The rows of one execution, in arrival order; for null, the run-level rows (no execution). */
    public List<EventRow> rows(Execution execution) {
        return indexed != null ? indexed.rows(execution) : rows.rows(execution);
    }

    /** The event kinds of this run's rows, in first-seen order. */
    public List<String> kinds() {
        return indexed != null ? indexed.kinds() : rows.kinds();
    }

    /** The node ids of this run's rows, in first-seen order. */
    public List<String> nodes() {
        return indexed != null ? indexed.nodes() : rows.nodes();
    }

    public Instant lastReceivedAt() {
        return lastReceivedAt;
    }
}
