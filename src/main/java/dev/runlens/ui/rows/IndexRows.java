package dev.runlens.ui.rows;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.replay.RunEntries;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A replayed run's event log as a view over the replay index: its rows are the run's first
 * {@link #size()} event entries ({@link RunEntries}), and a row's cells (times, kind, node,
 * execution) are read from the index's columns when a view asks for it. Nothing is stored per row,
 * so a seek only sets how many rows there are, and playing moves that count as the pump applies
 * each frame. Summaries the live pipeline made while playing are kept by entry
 * ({@link EntrySummaries}); other rows read theirs back from the file when shown. FX thread only.
 */
final class IndexRows {
    private final ReplayIndex index;
    private final RunEntries entries;
    private final FrameRef.LogEntries log;
    private final EntrySummaries summaries;
    private final RunRef ref;
    private Run owner;
    private int count;
    private int lastRow = -1;
    private int lastEntry;
    /** Kind names and node ids offered so far: they only grow, as the event log's filters expect. */
    private String[] kinds = new String[0];
    private String[] nodes = new String[0];

    IndexRows(IndexedFeed source, RunRef ref, Run owner, int position) {
        this.index = source.index();
        this.entries = index.entriesOf(ref);
        this.log = source;
        this.summaries = source.summaries();
        this.ref = ref;
        this.owner = owner;
        showUpTo(position);
    }

    /** The run whose executions the rows refer to (by index). */
    void attach(Run run) {
        owner = run;
    }

    /** Shows the run's events below entry {@code position}. */
    private void showUpTo(int position) {
        count = entries.countBelow(position);
        learn(position);
    }

    /** Offers the kinds and nodes used below {@code position} (looked up only when there are more). */
    private void learn(int position) {
        if (entries.namesBelow(position) <= kinds.length + nodes.length) {
            return;
        }
        String[] k = entries.kindsBelow(position);
        if (k.length > kinds.length) {
            kinds = k;
        }
        String[] n = entries.nodesBelow(position);
        if (n.length > nodes.length) {
            nodes = n;
        }
    }

    /** The live pipeline applied entry {@code row.sequence()} (playing): it becomes the last row. */
    void add(EventRow row) {
        int entry = (int) row.sequence();
        if (row.summary() != null) {
            summaries.put(entry, row.summary());
        }
        if (count < entries.size() && (count == 0 ? entries.entry(0) : entries.next(count - 1, entry(count - 1))) == entry) {
            // Playing: the entry is the run's next row.
            lastRow = count;
            lastEntry = entry;
            count++;
            learn(entry + 1);
        } else {
            showUpTo(entry + 1);
        }
    }

    int size() {
        return count;
    }

    EventRow get(int k) {
        int i = entry(k);
        Execution exec = execution(k, i);
        Integer times = exec != null ? Integer.valueOf(exec.times()) : index.times(i);
        return new EventRow(i, index.time(i), index.eventTime(i), index.kindName(i), index.node(i), times,
                summaries.get(i), new FrameRef.InLog(log, i, index.textLength(i)), ref, exec);
    }

    Instant receivedAt(int k) {
        return index.time(entry(k));
    }

    /** Row {@code k}'s entry; a view reads rows mostly in order, so the last one read is where the next starts. */
    private int entry(int k) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException(k);
        }
        int e;
        if (k == lastRow) {
            return lastEntry;
        }
        e = lastRow >= 0 && k == lastRow + 1 ? entries.next(lastRow, lastEntry) : entries.entry(k);
        lastRow = k;
        lastEntry = e;
        return e;
    }

    /**
     * The execution row {@code k} (entry {@code i}) touched, as applying it did: a Lyzr run's rows
     * know it; a Space Operator event's is the one with its (node, times), unless its run had ended.
     */
    private Execution execution(int k, int i) {
        if (entries.knowsExecutions()) {
            return resolve(entries.execution(k));
        }
        String node = index.node(i);
        int times = index.executionNumber(i);
        if (owner == null || node == null || times == Integer.MIN_VALUE || index.afterRunEnded(i)) {
            return null;
        }
        return owner.execution(node, times);
    }

    private Execution resolve(int e) {
        return RowStore.execution(owner, e);
    }

    List<EventRow> all() {
        return new RowView(this::get, () -> count, null);
    }

    /**
     * The rows of one execution (null: the run-level rows) shown now, in arrival order. Found by one
     * pass over the columns (Lyzr: the rows' execution numbers; Space Operator: the index's (node,
     * times) of each row), not by making each row: the inspector asks after every seek. For an
     * execution the pass covers only the rows from its first to its last, and a Space Operator
     * run's own rows come from the index's list, so both cost the same at the end of a long run as
     * at its start.
     */
    List<EventRow> rows(Execution execution) {
        int e = -1;
        if (execution != null) {
            e = execution.index();
            if (resolve(e) != execution) {
                return List.of();
            }
        }
        return new RowView(this::get, () -> count, entries.knowsExecutions() ? lyzrRows(e) : spaceOperatorRows(execution));
    }

    /** Rows whose recorded execution is {@code e} (-1: rows with none, or with one the run does not have). */
    private int[] lyzrRows(int e) {
        if (e >= 0) {
            int first = entries.firstRowOf(e);
            int end = Math.min(count, entries.lastRowOf(e) + 1);
            return first < 0 ? new int[0] : IntStream.range(first, end).filter(k -> entries.execution(k) == e).toArray();
        }
        int known = owner == null ? 0 : owner.executions().size();
        return IntStream.range(0, count).filter(k -> {
            int x = entries.execution(k);
            return x < 0 || x >= known;
        }).toArray();
    }

    /** Rows whose execution, as {@link #execution(int, int)} finds it, is {@code execution} (null: none). */
    private int[] spaceOperatorRows(Execution execution) {
        if (execution != null) {
            String node = execution.node();
            int times = execution.times();
            if (owner == null || owner.execution(node, times) != execution) {
                return new int[0];
            }
            // Only the rows between the execution's first and last are read (RunEntries' spans).
            int x = execution.index();
            return index.pickRows(entries, entries.firstRowOf(x), Math.min(count, entries.lastRowOf(x) + 1),
                    (n, t) -> t == times && n != null && n.equals(node));
        }
        if (owner == null) {
            return index.pickRows(entries, 0, count, (n, t) -> true);
        }
        // An event touches no execution when it is the run's own (no node) or came after the run
        // ended: exactly the run-level rows, which the index lists as it goes.
        return entries.rowsWithoutExecutionBelow(count);
    }

    List<String> kinds() {
        return List.of(kinds);
    }

    List<String> nodes() {
        return List.of(nodes);
    }
}
