package dev.runlens.ui.fx;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

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
    private static final long NO_TIME = Long.MIN_VALUE;
    /** An instant too far from 1970 for a long of nanoseconds (a hostile frame's time): kept aside. */
    private static final long ODD_TIME = Long.MIN_VALUE + 1;
    private static final long NANOS_LIMIT_SECONDS = 9_000_000_000L;
    private static final int NO_TIMES = Integer.MIN_VALUE;

    private static final long ENTRY_MASK = 0x7fff_ffffL;

    private final RunRef run;
    private final TextArena arena;
    /** The log that replayed rows of this store are read back from (one file per feed). */
    private FrameRef.LogEntries log;
    private final List<String> kinds;
    private final Map<String, Integer> kindIds;
    private final List<String> nodes;
    private final Map<String, Integer> nodeIds;
    private Chunk[] chunks = new Chunk[4];
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

    RowStore(RunRef run, TextArena arena) {
        this(run, arena, new ArrayList<>(), new HashMap<>(), new ArrayList<>(), new HashMap<>());
    }

    private RowStore(RunRef run, TextArena arena, List<String> kinds, Map<String, Integer> kindIds,
                     List<String> nodes, Map<String, Integer> nodeIds) {
        this.run = run;
        this.arena = arena;
        this.kinds = kinds;
        this.kindIds = kindIds;
        this.nodes = nodes;
        this.nodeIds = nodeIds;
    }

    /** An empty store sharing this one's texts and dictionaries, for {@link #addFrom}. */
    RowStore emptyCopy() {
        RowStore copy = new RowStore(run, arena, kinds, kindIds, nodes, nodeIds);
        copy.log = log;
        return copy;
    }

    /** One chunk's columns. The first chunk starts small and grows, so a short run costs little. */
    private static final class Chunk {
        long[] sequence;
        long[] received;
        long[] time;
        int[] kind;
        int[] node;
        int[] times;
        /** {@link TextArena} handles; {@link TextArena#NONE} when the frame is an object or there is no summary. */
        long[] text;
        long[] summary;
        /** Frames kept by reference (spilled to a file, or read back from a log); null when packed. */
        FrameRef[] frame;
        Execution[] execution;
        /** The next row of the same execution (or of the run itself), -1 for none. */
        int[] next;

        Chunk(int capacity) {
            sequence = new long[capacity];
            received = new long[capacity];
            time = new long[capacity];
            kind = new int[capacity];
            node = new int[capacity];
            times = new int[capacity];
            text = new long[capacity];
            summary = new long[capacity];
            frame = new FrameRef[capacity];
            execution = new Execution[capacity];
            next = new int[capacity];
        }

        int capacity() {
            return sequence.length;
        }

        void grow(int capacity) {
            sequence = Arrays.copyOf(sequence, capacity);
            received = Arrays.copyOf(received, capacity);
            time = Arrays.copyOf(time, capacity);
            kind = Arrays.copyOf(kind, capacity);
            node = Arrays.copyOf(node, capacity);
            times = Arrays.copyOf(times, capacity);
            text = Arrays.copyOf(text, capacity);
            summary = Arrays.copyOf(summary, capacity);
            frame = Arrays.copyOf(frame, capacity);
            execution = Arrays.copyOf(execution, capacity);
            next = Arrays.copyOf(next, capacity);
        }
    }

    void add(EventRow r) {
        Chunk c = slot();
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
        c.execution[j] = r.execution();
        index(size, r.execution());
        size++;
    }

    /** Copies row {@code i} of {@code src} (a store sharing this one's texts) with another execution. */
    void addFrom(RowStore src, int i, Execution execution) {
        Chunk s = src.chunks[i >>> SHIFT];
        int k = i & MASK;
        Chunk c = slot();
        int j = size & MASK;
        c.sequence[j] = s.sequence[k];
        c.received[j] = s.received[k] == ODD_TIME ? nanos(src.oddTimes.get(key(i, 0)), size, 0) : s.received[k];
        c.time[j] = s.time[k] == ODD_TIME ? nanos(src.oddTimes.get(key(i, 1)), size, 1) : s.time[k];
        c.kind[j] = s.kind[k];
        c.node[j] = s.node[k];
        c.times[j] = s.times[k];
        c.text[j] = s.text[k];
        c.summary[j] = s.summary[k];
        c.frame[j] = s.frame[k];
        c.execution[j] = execution;
        index(size, execution);
        size++;
    }

    /** Kinds seen, in first-seen order (shared with stores made by {@link #emptyCopy}). */
    List<String> kinds() {
        return java.util.Collections.unmodifiableList(kinds);
    }

    /** Node ids seen, in first-seen order (shared with stores made by {@link #emptyCopy}). */
    List<String> nodes() {
        return java.util.Collections.unmodifiableList(nodes);
    }

    long sequence(int i) {
        return chunks[i >>> SHIFT].sequence[i & MASK];
    }

    Execution execution(int i) {
        return chunks[i >>> SHIFT].execution[i & MASK];
    }

    Instant receivedAt(int i) {
        return instant(chunks[i >>> SHIFT].received[i & MASK], i, 0);
    }

    private void index(int row, Execution execution) {
        chunks[row >>> SHIFT].next[row & MASK] = -1;
        if (execution == null) {
            if (flowLast >= 0) {
                chunks[flowLast >>> SHIFT].next[flowLast & MASK] = row;
            } else {
                flowFirst = row;
            }
            flowLast = row;
            flowCount++;
            return;
        }
        int e = execution.index();
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

    private Chunk slot() {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new Chunk(c == 0 ? 64 : CHUNK);
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
        Chunk c = chunks[i >>> SHIFT];
        int j = i & MASK;
        long t = c.text[j];
        FrameRef frame = t == TextArena.NONE ? c.frame[j]
                : t < 0 ? new FrameRef.InLog(log, (int) (t & ENTRY_MASK), (int) ((t >>> 31) & ENTRY_MASK))
                : new FrameRef.Inline(arena.get(t));
        String summary = c.summary[j] == TextArena.NONE ? null : arena.get(c.summary[j]);
        return new EventRow(c.sequence[j], instant(c.received[j], i, 0), instant(c.time[j], i, 1), kinds.get(c.kind[j]),
                c.node[j] < 0 ? null : nodes.get(c.node[j]), c.times[j] == NO_TIMES ? null : c.times[j],
                summary, frame, run, c.execution[j]);
    }

    /** Every row in arrival order, as a live read-only view. */
    List<EventRow> all() {
        return new View(null);
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
            if (e >= first.length || first[e] < 0 || chunks[first[e] >>> SHIFT].execution[first[e] & MASK] != execution) {
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
        return new View(rows);
    }

    /** All rows (live: grows with the store), or a fixed subset of them. */
    private final class View extends AbstractList<EventRow> implements RandomAccess {
        private final int[] subset;

        View(int[] subset) {
            this.subset = subset;
        }

        @Override
        public EventRow get(int index) {
            if (subset == null) {
                return RowStore.this.get(index);
            }
            return RowStore.this.get(subset[index]);
        }

        @Override
        public int size() {
            return subset == null ? size : subset.length;
        }
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

    private static int intern(String s, List<String> list, Map<String, Integer> ids) {
        Integer id = ids.get(s);
        if (id == null) {
            id = list.size();
            list.add(s);
            ids.put(s, id);
        }
        return id;
    }

    private long nanos(Instant t, int row, int column) {
        if (t == null) {
            return NO_TIME;
        }
        if (Math.abs(t.getEpochSecond()) >= NANOS_LIMIT_SECONDS) {
            oddTimes.put(key(row, column), t);
            return ODD_TIME;
        }
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private Instant instant(long nanos, int row, int column) {
        if (nanos == NO_TIME) {
            return null;
        }
        if (nanos == ODD_TIME) {
            return oddTimes.get(key(row, column));
        }
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static long key(int row, int column) {
        return ((long) row << 1) | column;
    }
}
