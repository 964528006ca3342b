package dev.runlens.ui.fx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Frame texts of the event log packed as UTF-8 into a few large byte arrays, so that a run with a
 * million rows holds a handful of objects for its texts instead of three per row (the collector
 * copies and scans far less). Appended by one thread (the FX thread); read by any thread that was
 * handed a position after it was written.
 */
final class TextArena {
    private static final int FIRST_CHUNK = 16 * 1024;
    private static final int CHUNK = 1 << 20;

    private volatile byte[][] chunks = new byte[0][];
    private int fill = CHUNK;
    private int chunkSize = FIRST_CHUNK / 2;

    /** No text: what {@link #put} returns for one too long to pack. */
    static final long NONE = -1L;
    private static final int LENGTH_BITS = 20;
    private static final int OFFSET_BITS = 20;
    private static final long MASK20 = (1L << 20) - 1;

    /**
     * Stores UTF-8 {@code bytes}; returns a handle holding chunk, offset and length in one long
     * (20 bits each for offset and length), or {@link #NONE} for 1 MB or more (kept as an object).
     */
    long put(byte[] bytes) {
        if (bytes.length >= CHUNK) {
            return NONE;
        }
        byte[][] cs = chunks;
        if (cs.length == 0 || fill + bytes.length > cs[cs.length - 1].length) {
            // Small runs start small; chunks grow to 1 MB.
            chunkSize = Math.min(CHUNK, chunkSize * 2);
            byte[] chunk = new byte[Math.max(chunkSize, bytes.length)];
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[cs.length - 1] = chunk;
            fill = 0;
        }
        int index = cs.length - 1;
        System.arraycopy(bytes, 0, cs[index], fill, bytes.length);
        long handle = ((long) index << (LENGTH_BITS + OFFSET_BITS)) | ((long) fill << LENGTH_BITS) | bytes.length;
        fill += bytes.length;
        chunks = cs;
        return handle;
    }

    String get(long handle) {
        byte[] chunk = chunks[(int) (handle >>> (LENGTH_BITS + OFFSET_BITS))];
        return new String(chunk, (int) ((handle >>> LENGTH_BITS) & MASK20), (int) (handle & MASK20), StandardCharsets.UTF_8);
    }
}
