package dev.runlens.replay;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.util.Arrays;
import java.util.List;

/**
 * The runs of a {@link ReplayIndex}: each run's id (its order of first appearance), its event
 * entries, and the entry that ended it. Written by the indexing thread only; arrays are replaced,
 * never changed in place where readers look, so any thread reads a consistent prefix.
 */
final class IndexedRuns {
    private final EntryTable table;
    private final StringTable strings;
    private volatile RunRef[] runs = new RunRef[0];
    /** Per run id, its event entries (see {@link RunEntries}). */
    private volatile RunEntries[] entries = new RunEntries[0];
    /** Per run id, the entry of the event that ended the run, or -1 (written before later entries are published). */
    private volatile int[] terminalAt = new int[0];

    IndexedRuns(EntryTable table, StringTable strings) {
        this.table = table;
        this.strings = strings;
    }

    /** Indexing thread: a run seen for the first time; returns its id. */
    int add(RunRef ref) {
        int[] t = Arrays.copyOf(terminalAt, terminalAt.length + 1);
        t[t.length - 1] = -1;
        terminalAt = t;
        RunEntries[] e = Arrays.copyOf(entries, entries.length + 1);
        e[e.length - 1] = new RunEntries(table, e.length - 1, ref.source() == Source.LYZR);
        entries = e;
        RunRef[] a = Arrays.copyOf(runs, runs.length + 1);
        a[a.length - 1] = ref;
        runs = a;
        return a.length - 1;
    }

    /** Indexing thread: run {@code run} (an id of {@link #add}) ended with entry {@code i}, unless it ended before. */
    void ended(int run, int i) {
        if (run >= 0 && terminalAt[run] < 0) {
            terminalAt[run] = i;
        }
    }

    /** See {@link ReplayIndex#afterRunEnded(int)}. */
    boolean afterRunEnded(int i) {
        int r = table.run(i);
        int[] t = terminalAt;
        return r >= 0 && r < t.length && t[r] >= 0 && i > t[r];
    }

    /** See {@link ReplayIndex#pickRows}. */
    int[] pickRows(RunEntries runEntries, int from, int count, RowTest test) {
        int n = Math.min(count, runEntries.size());
        if (from < 0 || from >= n) {
            return new int[0];
        }
        int r = runEntries.run();
        int[] t = terminalAt;
        int end = r >= 0 && r < t.length && t[r] >= 0 ? t[r] : Integer.MAX_VALUE;
        EntryTable.Chunks ch = table.view();
        int[] picked = new int[16];
        int found = 0;
        int e = -1;
        for (int k = from; k < n; k++) {
            e = k == from ? runEntries.entry(from) : runEntries.next(k - 1, e);
            int c = e >>> EntryTable.SHIFT;
            int o = e & EntryTable.MASK;
            String node = null;
            int times = Integer.MIN_VALUE;
            if (EntryKind.of(ch.kind[c][o]).isNodeEvent() && (ch.flags[c][o] & EntryTable.TIMES_NULL) == 0 && e <= end) {
                node = strings.get(ch.node[c][o]);
                times = ch.times[c][o];
            }
            if (test.test(node, times)) {
                if (found == picked.length) {
                    picked = Arrays.copyOf(picked, found * 2);
                }
                picked[found++] = k;
            }
        }
        return Arrays.copyOf(picked, found);
    }

    /** The run of id {@code id}, null for -1 (no run). */
    RunRef at(int id) {
        return id < 0 ? null : runs[id];
    }

    RunEntries entriesOf(int run) {
        return entries[run];
    }

    /** The event entries of {@code run} (none for a run without events, such as a gap's). */
    RunEntries entriesOf(RunRef run) {
        RunRef[] r = runs;
        RunEntries[] e = entries;
        for (int i = 0; i < Math.min(r.length, e.length); i++) {
            if (r[i].equals(run)) {
                return e[i];
            }
        }
        return RunEntries.NONE;
    }

    /** The runs seen so far, in order of first appearance. */
    List<RunRef> list() {
        return List.of(runs);
    }

    /** Estimated heap held by the runs' row checkpoints. */
    long bytes() {
        return Arrays.stream(entries).mapToLong(RunEntries::bytes).sum();
    }
}
