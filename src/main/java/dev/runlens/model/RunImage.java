package dev.runlens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run that has not ended, kept in a snapshot as columns: per execution its node, times, status,
 * times of start and finish, outputs and errors, in creation order, without an object per
 * execution (about a fifth of a run's copy). Such runs change between snapshots, so each snapshot
 * holds its own image of them; {@link #run()} makes a new run equal to the imaged one.
 * Immutable once made.
 */
final class RunImage {
    private static final byte FINISHED = (byte) 0x80;
    private static final ExecutionStatus[] STATUSES = ExecutionStatus.values();

    /** The run without its executions and the maps that point at them. */
    private final Run shell;
    /** Per execution, its node as a number into {@link #nodeNames} (restoring then hashes each node once, not each execution). */
    private final int[] node;
    private final String[] nodeNames;
    private final int[] times;
    /** Status ordinal, with {@link #FINISHED} set once a finish was applied. */
    private final byte[] state;
    /** Epoch second and nanosecond of start and finish ({@link Execution#UNKNOWN} nanos: none), as in an execution. */
    private final long[] startSecond;
    private final int[] startNano;
    private final long[] finishSecond;
    private final int[] finishNano;
    private final int[] outputs;
    /** Per execution the server's measure (NaN: none); null when no execution of the run has one. */
    private final double[] reportedSeconds;
    /** Null for an execution without errors. */
    private final List<?>[] errors;
    private final Map<String, Integer> byTaskId;
    private final Map<String, Integer> latestByName;

    RunImage(Run r) {
        shell = r.shell();
        int n = r.executions.size();
        node = new int[n];
        Map<String, Integer> numbers = new HashMap<>();
        List<String> names = new ArrayList<>();
        times = new int[n];
        state = new byte[n];
        startSecond = new long[n];
        startNano = new int[n];
        finishSecond = new long[n];
        finishNano = new int[n];
        outputs = new int[n];
        errors = new List<?>[n];
        double[] reported = null;
        for (int i = 0; i < n; i++) {
            Execution e = r.executions.get(i);
            node[i] = numbers.computeIfAbsent(e.node(), name -> {
                names.add(name);
                return names.size() - 1;
            });
            times[i] = e.times();
            state[i] = (byte) (e.status.ordinal() | (e.finished ? FINISHED : 0));
            startSecond[i] = e.startSecond;
            startNano[i] = e.startNano;
            finishSecond[i] = e.finishSecond;
            finishNano[i] = e.finishNano;
            outputs[i] = e.outputs;
            errors[i] = e.errors.isEmpty() ? null : List.copyOf(e.errors);
            if (!Double.isNaN(e.reportedSeconds)) {
                if (reported == null) {
                    reported = new double[n];
                    java.util.Arrays.fill(reported, Double.NaN);
                }
                reported[i] = e.reportedSeconds;
            }
        }
        reportedSeconds = reported;
        nodeNames = names.toArray(new String[0]);
        byTaskId = indices(r.byTaskId);
        latestByName = indices(r.latestByName);
    }

    private static Map<String, Integer> indices(Map<String, Execution> m) {
        if (m.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> out = new HashMap<>(m.size() * 2);
        m.forEach((k, e) -> out.put(k, e.index()));
        return out;
    }

    /** A new run (not shared with anything) equal to the run this image was made of. */
    Run run() {
        Run c = shell.copy();
        int n = node.length;
        c.executions.ensureCapacity(n);
        for (int i = 0; i < n; i++) {
            Execution e = new Execution(nodeNames[node[i]], times[i], i);
            e.status = STATUSES[state[i] & 0x7f];
            e.finished = (state[i] & FINISHED) != 0;
            e.startSecond = startSecond[i];
            e.startNano = startNano[i];
            e.finishSecond = finishSecond[i];
            e.finishNano = finishNano[i];
            e.outputs = outputs[i];
            if (reportedSeconds != null) {
                e.reportedSeconds = reportedSeconds[i];
            }
            if (errors[i] != null) {
                List<String> list = new ArrayList<>(errors[i].size());
                for (Object o : errors[i]) {
                    list.add((String) o);
                }
                e.errors = list;
            }
            c.executions.add(e);
        }
        c.byKey.putAll(c.executions, nodeNames, node);
        byTaskId.forEach((k, i) -> c.byTaskId.put(k, c.executions.get(i)));
        latestByName.forEach((k, i) -> c.latestByName.put(k, c.executions.get(i)));
        return c;
    }

    /** Rough bytes held: the columns (about 41 bytes per execution), the errors, the run's lists and maps. */
    long estimatedBytes() {
        long bytes = 1024 + 41L * node.length + 56L * shell.nodes.size() + 16L * shell.errors.size()
                + 16L * shell.gaps.size() + 48L * (byTaskId.size() + latestByName.size() + shell.startsByName.size());
        for (List<?> e : errors) {
            if (e != null) {
                bytes += 24 + 8L * e.size();
            }
        }
        return bytes;
    }
}
