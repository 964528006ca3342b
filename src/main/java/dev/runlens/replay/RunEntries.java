package dev.runlens.replay;

import java.util.Arrays;

/**
 * One run's event entries in file order: what a replayed run's event log is made from (a row is
 * an entry; its cells come from the index's columns when shown). The entries are not stored: the
 * index's run column says which entries are the run's, and every 128th row's entry is kept as a
 * checkpoint to start from, so finding a row reads at most 128 of the run's rows (and the other
 * runs' entries between them). Lyzr runs also keep the execution each event touched, since Lyzr
 * finds executions by task id and latest task of a name as the events come; a Space Operator
 * event's execution is the one with its (node, times). Also the kind names and node ids in the
 * order the run first used them, with the entry of that first use, so a view at any position
 * lists the filters' choices without walking its rows. And, per execution, the first and last row
 * that touched it, and the rows that touched none: the inspector reads an execution's rows between
 * the two, and a run's own rows from that list, not the whole run (in a long run that walk took the
 * FX thread tens of milliseconds on every selection and seek).
 *
 * <p>One writer (the indexing thread) appends, after writing the entry's columns and before
 * publishing the entry; readers see the published prefix ({@link #size()} is written last).
 */
public final class RunEntries {
    private static final int STEP_SHIFT = 7;
    private static final int STEP = 1 << STEP_SHIFT;
    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    /** The entries of a run that has no event (a gap's run): none. */
    public static final RunEntries NONE = new RunEntries(null, -1, false);

    private final EntryTable table;
    private final int run;
    private volatile int[] checkpoints = new int[16];
    /** Per row, the execution's index in the run (-1 for none): Lyzr runs only, else null. */
    private volatile int[][] executions;
    private volatile int size;
    private volatile String[] kinds = new String[0];
    private volatile int[] kindFirst = new int[0];
    private volatile String[] nodes = new String[0];
    private volatile int[] nodeFirst = new int[0];
    /**
     * By execution index (its place in the run), at 2x and 2x + 1: the first and last row that
     * touched it, -1 for none. One array, so a reader never pairs a grown half with an old one.
     */
    private volatile int[] spans = new int[0];
    /** Rows that touched no execution (the run's own events, and events after it ended), in order. */
    private volatile int[] unattached = new int[8];
    private volatile int unattachedSize;

    RunEntries(EntryTable table, int run, boolean keepExecutions) {
        this.table = table;
        this.run = run;
        this.executions = keepExecutions ? new int[4][] : null;
    }

    /** Writer only: appends entry {@code entry}, which touched execution {@code execution} (or -1). */
    void add(int entry, int execution, String kind, String node) {
        int n = size;
        if ((n & (STEP - 1)) == 0) {
            int c = n >>> STEP_SHIFT;
            int[] cp = checkpoints;
            if (c == cp.length) {
                cp = Arrays.copyOf(cp, c * 2);
            }
            cp[c] = entry;
            checkpoints = cp;
        }
        int[][] x = executions;
        if (x != null) {
            int c = n >>> SHIFT;
            if (c == x.length) {
                x = Arrays.copyOf(x, c * 2);
            }
            if (x[c] == null) {
                x[c] = new int[CHUNK];
            }
            x[c][n & MASK] = execution;
            executions = x;
        }
        if (execution >= 0) {
            spans(execution, n);
        } else {
            unattached(n);
        }
        if (kind != null && !contains(kinds, kind)) {
            kindFirst = append(kindFirst, entry);
            kinds = append(kinds, kind);
        }
        if (node != null && !contains(nodes, node)) {
            nodeFirst = append(nodeFirst, entry);
            nodes = append(nodes, node);
        }
        size = n + 1;
    }

    private void unattached(int row) {
        int[] rows = unattached;
        int m = unattachedSize;
        if (m == rows.length) {
            rows = Arrays.copyOf(rows, m * 2);
        }
        rows[m] = row;
        unattached = rows;
        unattachedSize = m + 1;
    }

    private void spans(int execution, int row) {
        int[] sp = spans;
        if (2 * execution >= sp.length) {
            int old = sp.length;
            sp = Arrays.copyOf(sp, Math.max(2 * execution + 2, old * 2));
            Arrays.fill(sp, old, sp.length, -1);
        }
        if (sp[2 * execution] < 0) {
            sp[2 * execution] = row;
        }
        sp[2 * execution + 1] = row;
        spans = sp;
    }

    /** By identity: kind names are constants or interned, node ids come from the index's string table. */
    private static boolean contains(String[] a, String s) {
        for (String t : a) {
            if (t == s) {
                return true;
            }
        }
        return false;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static String[] append(String[] a, String v) {
        String[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** The run's id in the index (-1 for {@link #NONE}). */
    int run() {
        return run;
    }

    /** Entries published so far. */
    public int size() {
        return size;
    }

    /** The {@code k}-th event entry of the run (k below {@link #size()}). */
    public int entry(int k) {
        check(k);
        int e = checkpoints[k >>> STEP_SHIFT];
        for (int steps = k & (STEP - 1); steps > 0; steps--) {
            e = after(e);
        }
        return e;
    }

    /** The entry of row {@code k + 1}, given row {@code k}'s entry (reading rows in order costs the rows between). */
    public int next(int k, int entry) {
        check(k + 1);
        return after(entry);
    }

    private void check(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("row " + k + " of " + size);
        }
    }

    /** The run's next event entry after {@code entry}; there is one (the caller knows the row exists). */
    private int after(int entry) {
        EntryTable.Chunks ch = table.view();
        for (int i = entry + 1; ; i++) {
            if (ch.run[i >>> EntryTable.SHIFT][i & EntryTable.MASK] == run
                    && EntryKind.of(ch.kind[i >>> EntryTable.SHIFT][i & EntryTable.MASK]).isRunEvent()) {
                return i;
            }
        }
    }

    /** True when the rows know their executions ({@link #execution}); else find them by (node, times). */
    public boolean knowsExecutions() {
        return executions != null;
    }

    /** The index in the run of the execution row {@code k} touched, or -1 (Lyzr runs; see {@link #knowsExecutions()}). */
    public int execution(int k) {
        check(k);
        return executions[k >>> SHIFT][k & MASK];
    }

    /** The first row that touched execution {@code execution} (by its index in the run), or -1 when none has. */
    public int firstRowOf(int execution) {
        int n = size;
        int[] sp = spans;
        return execution < 0 || 2 * execution >= sp.length || sp[2 * execution] >= n ? -1 : sp[2 * execution];
    }

    /**
     * The last row that touched execution {@code execution} so far, or -1 when none has: with
     * {@link #firstRowOf}, every row of the execution lies between the two.
     */
    public int lastRowOf(int execution) {
        return firstRowOf(execution) < 0 ? -1 : Math.min(spans[2 * execution + 1], size - 1);
    }

    /** The rows below {@code rows} that touched no execution (the run's own events, and events after it ended), in order. */
    public int[] rowsWithoutExecutionBelow(int rows) {
        int m = unattachedSize;
        int[] all = unattached;
        // The list ascends without repeats: where the search stops is how many rows lie below.
        int at = Arrays.binarySearch(all, 0, m, rows);
        return Arrays.copyOf(all, at >= 0 ? at : -at - 1);
    }

    /** How many of the run's events are entries below {@code position} (the rows shown at that position). */
    public int countBelow(int position) {
        int n = size;
        int[] cp = checkpoints;
        int blocks = (n + STEP - 1) >>> STEP_SHIFT;
        int lo = 0;
        int hi = blocks;
        // The last block whose first row is below the position.
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cp[mid] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return 0;
        }
        int k = (lo - 1) << STEP_SHIFT;
        int e = cp[lo - 1];
        while (k + 1 < n && (k + 1 & (STEP - 1)) != 0) {
            int next = after(e);
            if (next >= position) {
                break;
            }
            k++;
            e = next;
        }
        return k + 1;
    }

    /** How many kind names and node ids ({@link #kindsBelow}, {@link #nodesBelow}) the run's events below {@code position} use. */
    public int namesBelow(int position) {
        return count(kindFirst, position) + count(nodeFirst, position);
    }

    private static int count(int[] first, int position) {
        int k = 0;
        while (k < first.length && first[k] < position) {
            k++;
        }
        return k;
    }

    /** The kind names of the run's events below {@code position}, in first-seen order. */
    public String[] kindsBelow(int position) {
        return firstBelow(kinds, kindFirst, position);
    }

    /** The node ids (Lyzr: task names) of the run's events below {@code position}, in first-seen order. */
    public String[] nodesBelow(int position) {
        return firstBelow(nodes, nodeFirst, position);
    }

    private static String[] firstBelow(String[] names, int[] first, int position) {
        return Arrays.copyOf(names, Math.min(names.length, count(first, position)));
    }

    /** Bytes held (checkpoints, execution spans, rows without one, Lyzr executions), for the index's estimate. */
    long bytes() {
        int[][] x = executions;
        long b = checkpoints.length * 4L + spans.length * 4L + unattached.length * 4L;
        if (x != null) {
            for (int[] c : x) {
                b += c == null ? 0 : c.length * 4L;
            }
        }
        return b;
    }
}
