package dev.runlens.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interned strings (node ids, task ids, error messages) by number; one writer, many readers. */
final class StringTable {
    static final int NONE = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private volatile String[] values = new String[64];
    private volatile int size;

    /** Writer thread only. */
    int id(String s) {
        if (s == null) {
            return NONE;
        }
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        int n = size;
        String[] a = values;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            values = a;
        }
        a[n] = s;
        ids.put(s, n);
        size = n + 1;
        return n;
    }

    String get(int id) {
        return id == NONE ? null : values[id];
    }

    int size() {
        return size;
    }
}
