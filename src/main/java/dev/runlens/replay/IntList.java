package dev.runlens.replay;

import java.util.Arrays;

/**
 * An append-only list of ascending ints (entry indices of markers) that readers may search while
 * one writer appends: the array is replaced, never changed below the published size.
 */
final class IntList {
    private volatile int[] values = new int[64];
    private volatile int size;

    void add(int v) {
        int n = size;
        int[] a = values;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            values = a;
        }
        a[n] = v;
        size = n + 1;
    }

    int[] toArray() {
        int n = size;
        return Arrays.copyOf(values, n);
    }

    /** The first value greater than {@code v}, or -1. */
    int after(int v) {
        int n = size;
        int[] a = values;
        int lo = upperBound(a, n, v);
        return lo < n ? a[lo] : -1;
    }

    /** The last value less than {@code v}, or -1. */
    int before(int v) {
        int n = size;
        int[] a = values;
        int lo = upperBound(a, n, v - 1);
        return lo > 0 ? a[lo - 1] : -1;
    }

    /** How many of the first {@code n} values are at most {@code v} (the values are strictly ascending). */
    private static int upperBound(int[] a, int n, int v) {
        int i = Arrays.binarySearch(a, 0, n, v);
        return i >= 0 ? i + 1 : -i - 1;
    }

    long bytes() {
        return 16L + 4L * values.length;
    }
}
