package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;

import java.util.Arrays;

/**
 * The start each execution had when its row was last sorted, by execution index: one array for
 * the whole run instead of a map entry and a boxed number per execution (a run of 100,000
 * executions would otherwise add 200,000 objects for the collector to trace).
 */
final class KnownStarts {
    /** Not a bit pattern {@link Double#doubleToLongBits} produces (it folds every NaN into one). */
    private static final long UNKNOWN = 0x7ff0_0000_0000_0001L;
    private long[] bits = new long[0];

    void put(Execution e, double start) {
        int i = e.index();
        if (i >= bits.length) {
            int n = Math.max(i + 1, Math.max(64, bits.length * 2));
            int old = bits.length;
            bits = Arrays.copyOf(bits, n);
            Arrays.fill(bits, old, n, UNKNOWN);
        }
        bits[i] = Double.doubleToLongBits(start);
    }

    /** Whether {@code e} was seen with exactly this start (NaN included: "no start yet"). */
    boolean same(Execution e, double start) {
        int i = e.index();
        return i < bits.length && bits[i] != UNKNOWN && bits[i] == Double.doubleToLongBits(start);
    }
}
