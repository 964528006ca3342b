package dev.runlens.replay;

import java.util.Arrays;

/**
 * One run's event entries in file order, with the index of the execution each touched in the
 * model (-1 for none), as two int columns in fixed chunks: what a replayed run's event log is made
 * from (a row is an entry; its cells come from the index's columns when shown). Also the kind
 * names and node ids in the order the run first used them, with the entry of that first use, so a
 * view at any position lists the filters' choices without walking its rows.
 *
 * <p>One writer (the indexing thread) appends; readers see the published prefix ({@link #size()}
 * is written last), like {@link EntryTable}.
 */
public final class RunEntries {
    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    /** The entries of a run that has no event (a gap's run): none. */
    public static final RunEntries NONE = new RunEntries();

    private volatile int[][] entries = new int[4][];
    private volatile int[][] executions = new int[4][];
    private volatile int size;
    private volatile String[] kinds = new String[0];
    private volatile int[] kindFirst = new int[0];
    private volatile String[] nodes = new String[0];
    private volatile int[] nodeFirst = new int[0];

    /** Writer only: appends entry {@code entry}, which touched execution {@code execution} (or -1). */
    void add(int entry, int execution, String kind, String node) {
        int n = size;
        int c = n >>> SHIFT;
        int[][] e = entries;
        int[][] x = executions;
        if (c == e.length) {
            e = Arrays.copyOf(e, c * 2);
            x = Arrays.copyOf(x, c * 2);
        }
        if (e[c] == null) {
            e[c] = new int[CHUNK];
            x[c] = new int[CHUNK];
        }
        e[c][n & MASK] = entry;
        x[c][n & MASK] = execution;
        entries = e;
        executions = x;
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

    private static boolean contains(String[] a, String s) {
        for (String t : a) {
            if (t.equals(s)) {
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

    /** Entries published so far. */
    public int size() {
        return size;
    }

    /** The {@code k}-th event entry of the run (k below {@link #size()}). */
    public int entry(int k) {
        return entries[k >>> SHIFT][k & MASK];
    }

    /** The index in the run of the execution the {@code k}-th event touched, or -1. */
    public int execution(int k) {
        return executions[k >>> SHIFT][k & MASK];
    }

    /** How many of the run's events are entries below {@code position} (the rows shown at that position). */
    public int countBelow(int position) {
        int lo = 0;
        int hi = size;
        int[][] e = entries;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid >>> SHIFT][mid & MASK] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        int n = Math.min(names.length, first.length);
        int k = 0;
        while (k < n && first[k] < position) {
            k++;
        }
        return Arrays.copyOf(names, k);
    }
}
