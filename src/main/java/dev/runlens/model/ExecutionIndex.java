package dev.runlens.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's executions by (node, times): per node an array indexed by {@code times}, which is how
 * runs number them (0, 1, 2... for loops), with a map for the few that do not fit (negative or far
 * beyond the node's count: a hostile or odd server). One big hash map took an entry and a key
 * object per execution, and its random writes were the collector's main cost in a long live run
 * (old-to-young references to scan at every young collection).
 */
final class ExecutionIndex {
    private static final class Slots {
        Execution[] byTimes = new Execution[8];
        int count;
    }

    private final Map<String, Slots> nodes = new HashMap<>();
    private final Map<ExecutionKey, Execution> sparse = new HashMap<>();

    Execution get(String node, int times) {
        Slots s = nodes.get(node);
        if (s != null && times >= 0 && times < s.byTimes.length) {
            Execution e = s.byTimes[times];
            if (e != null) {
                return e;
            }
        }
        return sparse.isEmpty() ? null : sparse.get(new ExecutionKey(node, times));
    }

    /** Adds an execution not indexed yet. */
    void put(Execution e) {
        put(e, nodes.computeIfAbsent(e.node(), n -> new Slots()));
    }

    /**
     * Adds {@code executions} (none indexed yet) in order, as {@link #put} one by one would; the
     * node of the i-th is {@code names[node[i]]}, so each node is looked up once, not each execution
     * (restoring a snapshot's image of a run of 20,000 executions).
     */
    void putAll(List<Execution> executions, String[] names, int[] node) {
        Slots[] slots = new Slots[names.length];
        for (int i = 0; i < node.length; i++) {
            Slots s = slots[node[i]];
            if (s == null) {
                s = nodes.computeIfAbsent(names[node[i]], n -> new Slots());
                slots[node[i]] = s;
            }
            put(executions.get(i), s);
        }
    }

    private void put(Execution e, Slots s) {
        int t = e.times();
        // Dense while times stay near the node's count; a jump far beyond it goes to the map.
        if (t >= 0 && t < Math.max(s.byTimes.length, 4 * (s.count + 16))) {
            if (t >= s.byTimes.length) {
                s.byTimes = Arrays.copyOf(s.byTimes, Math.max(t + 1, s.byTimes.length * 2));
            }
            s.byTimes[t] = e;
        } else {
            sparse.put(new ExecutionKey(e.node(), t), e);
        }
        s.count++;
    }

    /**
     * This index over {@code copies} (the executions of a copied run, in the same order): the same
     * slots, each holding the copy with the original's index, so no key is hashed per execution.
     */
    ExecutionIndex copyFor(List<Execution> copies) {
        ExecutionIndex c = new ExecutionIndex();
        nodes.forEach((node, s) -> {
            Slots t = new Slots();
            t.count = s.count;
            t.byTimes = new Execution[s.byTimes.length];
            Execution[] from = s.byTimes;
            for (int i = 0; i < from.length; i++) {
                if (from[i] != null) {
                    t.byTimes[i] = copies.get(from[i].index());
                }
            }
            c.nodes.put(node, t);
        });
        sparse.forEach((key, e) -> c.sparse.put(key, copies.get(e.index())));
        return c;
    }
}
