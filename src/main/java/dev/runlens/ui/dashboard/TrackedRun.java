package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.IndexedFeed;
import dev.runlens.ui.rows.RunRows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the dashboard keeps about one run beyond its model state: the feed it came from, its event
 * rows, and our clock's view of it (when its first and its ending frame arrived, and how far the
 * server's clock is from ours), so elapsed times never mix the two clocks (decision 0048).
 */
public final class TrackedRun {
    /** Rows read at each end of a replayed run's rows to learn its receive times after a seek. */
    private static final int ENDS = 8;
    private Run run;
    private final Feed feed;
    private final RunRows rows;
    private Instant firstReceivedAt;
    private Instant endReceivedAt;
    /** Server time minus receive time, largest over the run's events (the least delayed frame), in ms. */
    private long offsetMillis;
    private boolean offsetKnown;

    private TrackedRun(Run run, Feed feed, RunRows rows) {
        this.run = run;
        this.feed = feed;
        this.rows = rows;
    }

    /** A run seen for the first time: its rows are stored as they come, their texts in {@code texts}. */
    static TrackedRun live(Run run, Feed feed, RunRows.Texts texts) {
        return new TrackedRun(run, feed, RunRows.stored(run, texts));
    }

    /** A replayed run's track showing its events below entry {@code position} of {@code source}'s index. */
    static TrackedRun indexed(Run run, Feed feed, IndexedFeed source, int position) {
        TrackedRun t = new TrackedRun(run, feed, RunRows.indexed(run, source, position));
        List<EventRow> all = t.rows.all();
        int n = all.size();
        for (int k = 0; k < n; k = k == ENDS - 1 && n > 2 * ENDS ? n - ENDS : k + 1) {
            t.note(all.get(k));
        }
        if (run.terminal() && n > 0) {
            // Which entry ended it is not kept in the index: its last row is as close as it gets.
            t.endReceivedAt = all.get(n - 1).receivedAt();
        }
        return t;
    }

    /** A row applied from {@code from}'s frame. */
    void add(EventRow row, Feed from) {
        rows.add(row, run, feed.equals(from));
        note(row);
        if (endReceivedAt == null && run.terminal()) {
            endReceivedAt = row.receivedAt();
        }
    }

    private void note(EventRow row) {
        Instant received = row.receivedAt();
        if (received == null) {
            return;
        }
        if (firstReceivedAt == null || received.isBefore(firstReceivedAt)) {
            firstReceivedAt = received;
        }
        if (row.time() != null) {
            long offset = row.time().toEpochMilli() - received.toEpochMilli();
            if (!offsetKnown || offset > offsetMillis) {
                offsetMillis = offset;
                offsetKnown = true;
            }
        }
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

    /** When the last row was received (ours, not the event's time), or null. */
    public Instant lastReceivedAt() {
        return rows.lastReceivedAt();
    }

    /** When the run's first row was received, or null. */
    public Instant firstReceivedAt() {
        return firstReceivedAt;
    }

    /** When the frame that ended the run was received; null while it runs. */
    public Instant endReceivedAt() {
        return endReceivedAt;
    }

    /**
     * How far the server's clock is ahead of ours (negative: behind), as its events' times against
     * when we received them, or null when no event had a time. Network delay makes it a little low.
     */
    public Duration clockOffset() {
        return offsetKnown ? Duration.ofMillis(offsetMillis) : null;
    }
}
