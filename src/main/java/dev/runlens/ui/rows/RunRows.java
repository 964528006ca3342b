package dev.runlens.ui.rows;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One run's event rows. A live run's rows are stored as they come ({@link RowStore}); a replayed
 * run's rows are a view over its file's replay index ({@link IndexRows}), so seeking never builds
 * or copies rows. FX thread only.
 */
public final class RunRows {
    /** Exactly one of the two is set. */
    private RowStore rows;
    private IndexRows indexed;
    /** Every row, whichever of the two holds them (a view that follows a switch from index to store). */
    private final List<EventRow> all = new AllRows();
    private Instant lastReceivedAt;

    private RunRows(RowStore rows, IndexRows indexed) {
        this.rows = rows;
        this.indexed = indexed;
    }

    /**
     * Rows stored as they arrive, their texts in {@code texts}, shared with other runs: with a
     * thousand live runs, an arena each allocated (and had zeroed) a few small direct buffers per
     * run, a quarter of the CPU time of applying their events; one arena grows to 1 MB buffers.
     */
    public static RunRows stored(Run run, Texts texts) {
        return new RunRows(store(run, texts.arena), null);
    }

    /** Where the texts of several runs' stored rows are packed (FX thread). */
    public static final class Texts {
        private final TextArena arena = new TextArena();
    }

    private static RowStore store(Run run, TextArena arena) {
        RowStore store = new RowStore(run.ref(), arena);
        store.attach(run);
        return store;
    }

    /** A replayed run's rows: its events below entry {@code position} of {@code source}'s index. */
    public static RunRows indexed(Run run, IndexedFeed source, int position) {
        RunRows r = new RunRows(null, new IndexRows(source, run.ref(), run, position));
        int n = r.indexed.size();
        r.lastReceivedAt = n == 0 ? null : r.indexed.receivedAt(n - 1);
        return r;
    }

    /** Adds a row; {@code sameSource} is false when it comes from another feed than the run's first. */
    public void add(EventRow row, Run run, boolean sameSource) {
        if (indexed != null && !sameSource) {
            // The run also comes from another source (watched live while its recording is replayed):
            // its rows are no longer entries of one file, so they become stored rows.
            rows = store(run, new TextArena());
            indexed.all().forEach(rows::add);
            indexed = null;
        }
        if (indexed != null) {
            indexed.add(row);
        } else {
            rows.add(row);
        }
        lastReceivedAt = row.receivedAt();
    }

    /**
     * The model replaced the run by a new object (a replayed run shared with the replay's
     * snapshots is copied on its first change): rows resolve their executions in the new one.
     */
    public void follow(Run now) {
        if (indexed != null) {
            indexed.attach(now);
        } else {
            rows.attach(now);
        }
    }

    /** Every event row of the run, in arrival order: a live read-only view, rows made on demand. */
    public List<EventRow> all() {
        return all;
    }

    private final class AllRows extends AbstractList<EventRow> implements RandomAccess {
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
    public List<EventRow> of(Execution execution) {
        return indexed != null ? indexed.rows(execution) : rows.rows(execution);
    }

    /** The event kinds of the rows, in first-seen order. */
    public List<String> kinds() {
        return indexed != null ? indexed.kinds() : rows.kinds();
    }

    /** The node ids of the rows, in first-seen order. */
    public List<String> nodes() {
        return indexed != null ? indexed.nodes() : rows.nodes();
    }

    /** When the last row was received (ours, not the event's time), or null. */
    public Instant lastReceivedAt() {
        return lastReceivedAt;
    }
}
