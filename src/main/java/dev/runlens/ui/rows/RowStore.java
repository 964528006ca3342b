package dev.runlens.ui.rows;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's event log as columns: primitive arrays in fixed-size chunks, texts packed in a
 * {@link TextArena}, kinds and node ids interned. A row costs about 70 bytes plus its text (none
 * for a replayed frame: its text stays in the log) and no object of its own; {@link EventRow}s are
 * made on demand when a view asks for one. This is what keeps a burst of hundreds of thousands of
 * rows from filling the young generation with survivors (long collector pauses, missed pulses).
 * Written and read on one thread (the FX thread).
 */
final class RowStore {
    private static final int SHIFT = 14;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final int NO_TIMES = Integer.MIN_VALUE;

    private static final long ENTRY_MASK = 0x7fff_ffffL;

    private final RunRef run;
    private final TextArena arena;
    /** The log that replayed rows of this store are read back from (one file per feed). */
    private FrameRef.LogEntries log;
    private final List<String> kinds = new ArrayList<>();
    private final Map<String, Integer> kindIds = new HashMap<>();
    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Integer> nodeIds = new HashMap<>();
    private RowChunk[] chunks = new RowChunk[4];
    private int size;
    /**
     * Each execution's rows as a chain through the {@code next} column: first and last row by
     * execution index (no object per execution); run-level rows chain from {@link #flowFirst}.
     */
    private int[] first = new int[0];
    private int[] last = new int[0];
    private int[] count = new int[0];
    private int flowFirst = -1;
    private int flowLast = -1;
    private int flowCount;
    private final Map<Long, Instant> oddTimes = new HashMap<>();
    /** The run whose executions the execution column numbers (replaced when the model copies the run). */
    private Run owner;

    RowStore(RunRef run, TextArena arena) {
        this.run = run;
        this.arena = arena;
    }

    /** The run whose executions the rows refer to (its executions are found by index). */
    void attach(Run run) {
        owner = run;
    }

    void add(EventRow r) {
        RowChunk c = slot();
        int j = size & MASK;
        c.sequence[j] = r.sequence();
        c.received[j] = nanos(r.receivedAt(), size, 0);
        c.time[j] = nanos(r.time(), size, 1);
        c.kind[j] = intern(r.kind(), kinds, kindIds);
        c.node[j] = r.node() == null ? -1 : intern(r.node(), nodes, nodeIds);
        c.times[j] = r.times() == null ? NO_TIMES : r.times();
        c.text[j] = handle(r.frame());
        c.frame[j] = c.text[j] == TextArena.NONE ? r.frame() : null;
        c.summary[j] = r.summary() == null ? TextArena.NONE : arena.put(r.summary().getBytes(StandardCharsets.UTF_8));
        // A summary too long to pack is cut (summaries are one line of at most a few hundred chars).
        if (r.summary() != null && c.summary[j] == TextArena.NONE) {
            c.summary[j] = arena.put(r.summary().substring(0, 1000).getBytes(StandardCharsets.UTF_8));
        }
        int e = r.execution() == null ? -1 : r.execution().index();
        c.execution[j] = e;
        index(size, e);
        size++;
    }

    /** Kinds seen, in first-seen order. */
    List<String> kinds() {
        return java.util.Collections.unmodifiableList(kinds);
    }

    /** Node ids seen, in first-seen order. */
    List<String> nodes() {
        return java.util.Collections.unmodifiableList(nodes);
    }

    private Execution resolve(int e) {
        return execution(owner, e);
    }

    /** Execution {@code e} of {@code run} (by index), or null for -1, no run, or one the run does not have. */
    static Execution execution(Run run, int e) {
        if (e < 0 || run == null) {
            return null;
        }
        List<Execution> all = run.executions();
        return e < all.size() ? all.get(e) : null;
    }

    private void index(int row, int e) {
        chunks[row >>> SHIFT].next[row & MASK] = -1;
        if (e < 0) {
            if (flowLast >= 0) {
                chunks[flowLast >>> SHIFT].next[flowLast & MASK] = row;
            } else {
                flowFirst = row;
            }
            flowLast = row;
            flowCount++;
            return;
        }
        if (e >= first.length) {
            int n = Math.max(e + 1, Math.max(64, first.length * 2));
            int old = first.length;
            first = Arrays.copyOf(first, n);
            last = Arrays.copyOf(last, n);
            count = Arrays.copyOf(count, n);
            Arrays.fill(first, old, n, -1);
            Arrays.fill(last, old, n, -1);
        }
        if (last[e] >= 0) {
            chunks[last[e] >>> SHIFT].next[last[e] & MASK] = row;
        } else {
            first[e] = row;
        }
        last[e] = row;
        count[e]++;
    }

    private RowChunk slot() {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new RowChunk(c == 0 ? 64 : CHUNK);
        } else if ((size & MASK) == chunks[c].capacity()) {
            chunks[c].grow(Math.min(CHUNK, chunks[c].capacity() * 4));
        }
        return chunks[c];
    }

    int size() {
        return size;
    }

    EventRow get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        RowChunk c = chunks[i >>> SHIFT];
        int j = i & MASK;
        long t = c.text[j];
        FrameRef frame = t == TextArena.NONE ? c.frame[j]
                : t < 0 ? new FrameRef.InLog(log, (int) (t & ENTRY_MASK), (int) ((t >>> 31) & ENTRY_MASK))
                : new FrameRef.Inline(arena.get(t));
        String summary = c.summary[j] == TextArena.NONE ? null : arena.get(c.summary[j]);
        return new EventRow(c.sequence[j], instant(c.received[j], i, 0), instant(c.time[j], i, 1), kinds.get(c.kind[j]),
                c.node[j] < 0 ? null : nodes.get(c.node[j]), c.times[j] == NO_TIMES ? null : c.times[j],
                summary, frame, run, resolve(c.execution[j]));
    }

    /** Every row in arrival order, as a live read-only view. */
    List<EventRow> all() {
        return new RowView(this::get, () -> size, null);
    }

    /** The rows of one execution (or, for null, the run-level rows) as they are now, in arrival order. */
    List<EventRow> rows(Execution execution) {
        int row;
        int n;
        if (execution == null) {
            row = flowFirst;
            n = flowCount;
        } else {
            int e = execution.index();
            if (e >= first.length || first[e] < 0 || resolve(e) != execution) {
                return List.of();
            }
            row = first[e];
            n = count[e];
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = row;
            row = chunks[row >>> SHIFT].next[row & MASK];
        }
        return new RowView(this::get, () -> size, rows);
    }

    /**
     * Where the frame's text is, as one long: a {@link TextArena} handle for a live frame's text, a
     * log entry and length (sign bit set) for a replayed frame of this store's log, or
     * {@link TextArena#NONE} when the frame is kept as an object (spilled, or of another log).
     */
    private long handle(FrameRef frame) {
        if (frame instanceof FrameRef.Inline in) {
            return arena.put(in.text().getBytes(StandardCharsets.UTF_8));
        }
        if (frame instanceof FrameRef.InLog l && l.entry() >= 0 && l.length() >= 0 && l.length() < ENTRY_MASK
                && (log == null || log == l.log())) {
            log = l.log();
            return Long.MIN_VALUE | ((long) l.length() << 31) | l.entry();
        }
        return TextArena.NONE;
    }

    /** The number of {@code s} in {@code list}, added when new (kind names and node ids are few). */
    static int intern(String s, List<String> list, Map<String, Integer> ids) {
        Integer id = ids.get(s);
        if (id == null) {
            id = list.size();
            list.add(s);
            ids.put(s, id);
        }
        return id;
    }

    private long nanos(Instant t, int row, int column) {
        return PackedTime.pack(t, oddTimes, key(row, column));
    }

    private Instant instant(long nanos, int row, int column) {
        return PackedTime.unpack(nanos, oddTimes, key(row, column));
    }

    private static long key(int row, int column) {
        return ((long) row << 1) | column;
    }
}
