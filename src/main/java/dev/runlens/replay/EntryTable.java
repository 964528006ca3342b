package dev.runlens.replay;

import java.util.Arrays;

/**
 * Columnar, append-only storage of indexed entries: one primitive array per field, in chunks of
 * 64 Ki entries, so there is no object per entry and growing never copies the data. One writer
 * appends; any number of readers read entries below {@link #size()}, which is published after an
 * entry is complete (a volatile write), so readers always see a consistent prefix.
 */
final class EntryTable {
    static final int SHIFT = 16;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    static final long NO_TIME = Long.MIN_VALUE;

    /** Flag bits. */
    static final int HEAVY = 1;          // re-read and re-decode to apply (FlowFinish, gap meta)
    static final int TIMES_NULL = 2;     // NodeRef.times is null (Lyzr)
    static final int HAS_OUTPUT = 4;     // NodeFinished carried an output
    static final int ENDS = 8;           // FlowError ends the run / NodeError ends the execution
    static final int SPOOLED = 16;       // text is in the spool file, not the log
    static final int SESSION_LINE = 32;  // offset points at a session-log line holding the frame

    /** Bytes of one entry across all columns, for the memory estimate. */
    static final int BYTES_PER_ENTRY = 8 + 8 + 8 + 4 + 4 + 4 + 4 + 4 + 4 + 1 + 1;

    /** The arrays as of now, for reading many published entries without a volatile read each. */
    static final class Chunks {
        final long[][] received;
        final long[][] server;
        final long[][] offset;
        final int[][] length;
        final int[][] sequence;
        final int[][] run;
        final int[][] node;
        final int[][] times;
        final int[][] aux;
        final byte[][] kind;
        final byte[][] flags;

        Chunks(int n) {
            received = new long[n][];
            server = new long[n][];
            offset = new long[n][];
            length = new int[n][];
            sequence = new int[n][];
            run = new int[n][];
            node = new int[n][];
            times = new int[n][];
            aux = new int[n][];
            kind = new byte[n][];
            flags = new byte[n][];
        }

        Chunks grow(int n) {
            Chunks c = new Chunks(n);
            int k = received.length;
            System.arraycopy(received, 0, c.received, 0, k);
            System.arraycopy(server, 0, c.server, 0, k);
            System.arraycopy(offset, 0, c.offset, 0, k);
            System.arraycopy(length, 0, c.length, 0, k);
            System.arraycopy(sequence, 0, c.sequence, 0, k);
            System.arraycopy(run, 0, c.run, 0, k);
            System.arraycopy(node, 0, c.node, 0, k);
            System.arraycopy(times, 0, c.times, 0, k);
            System.arraycopy(aux, 0, c.aux, 0, k);
            System.arraycopy(kind, 0, c.kind, 0, k);
            System.arraycopy(flags, 0, c.flags, 0, k);
            return c;
        }

        void allocate(int i) {
            received[i] = new long[CHUNK];
            server[i] = new long[CHUNK];
            offset[i] = new long[CHUNK];
            length[i] = new int[CHUNK];
            sequence[i] = new int[CHUNK];
            run[i] = new int[CHUNK];
            node[i] = new int[CHUNK];
            times[i] = new int[CHUNK];
            aux[i] = new int[CHUNK];
            kind[i] = new byte[CHUNK];
            flags[i] = new byte[CHUNK];
        }
    }

    private volatile Chunks chunks = new Chunks(16);
    private volatile int size;

    int size() {
        return size;
    }

    /** Appends one entry (writer thread only) and publishes it. */
    void append(EntryKind kind, int flags, long received, long server, long offset, int length, int sequence,
                int run, int node, int times, int aux) {
        write(kind, flags, received, server, offset, length, sequence, run, node, times, aux);
        publish();
    }

    /**
     * Writes the next entry without publishing it (writer thread only): the writer may read it
     * through {@link #view()} and record what depends on it before readers can see it.
     */
    void write(EntryKind kind, int flags, long received, long server, long offset, int length, int sequence,
               int run, int node, int times, int aux) {
        int i = size;
        if (i == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 entries");
        }
        int c = i >>> SHIFT;
        Chunks ch = chunks;
        if (c == ch.received.length) {
            ch = ch.grow(c * 2);
        }
        if (ch.received[c] == null) {
            ch.allocate(c);
            chunks = ch;
        }
        int k = i & MASK;
        ch.received[c][k] = received;
        ch.server[c][k] = server;
        ch.offset[c][k] = offset;
        ch.length[c][k] = length;
        ch.sequence[c][k] = sequence;
        ch.run[c][k] = run;
        ch.node[c][k] = node;
        ch.times[c][k] = times;
        ch.aux[c][k] = aux;
        ch.kind[c][k] = (byte) kind.ordinal();
        ch.flags[c][k] = (byte) flags;
    }

    /** Publishes the entry {@link #write} wrote. */
    void publish() {
        size = size + 1;
    }

    Chunks view() {
        return chunks;
    }

    private Chunks check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + size);
        }
        return chunks;
    }

    long received(int i) {
        return check(i).received[i >>> SHIFT][i & MASK];
    }

    long server(int i) {
        return check(i).server[i >>> SHIFT][i & MASK];
    }

    long offset(int i) {
        return check(i).offset[i >>> SHIFT][i & MASK];
    }

    int length(int i) {
        return check(i).length[i >>> SHIFT][i & MASK];
    }

    int sequence(int i) {
        return check(i).sequence[i >>> SHIFT][i & MASK];
    }

    int run(int i) {
        return check(i).run[i >>> SHIFT][i & MASK];
    }

    int node(int i) {
        return check(i).node[i >>> SHIFT][i & MASK];
    }

    int times(int i) {
        return check(i).times[i >>> SHIFT][i & MASK];
    }

    int aux(int i) {
        return check(i).aux[i >>> SHIFT][i & MASK];
    }

    EntryKind kind(int i) {
        return EntryKind.of(check(i).kind[i >>> SHIFT][i & MASK]);
    }

    int flags(int i) {
        return check(i).flags[i >>> SHIFT][i & MASK];
    }

    /** Bytes held by the allocated chunks (an upper bound of what the entries use). */
    long allocatedBytes() {
        Chunks ch = chunks;
        long n = Arrays.stream(ch.received).filter(a -> a != null).count();
        return n * CHUNK * BYTES_PER_ENTRY;
    }
}
