package dev.runlens.ui.rows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Frame texts of the event log packed as UTF-8 into a few large buffers, so that a run with a
 * million rows holds a handful of objects for its texts instead of three per row. The buffers are
 * outside the Java heap: texts are most of what a live window keeps, and as heap arrays (1 MB,
 * below G1's humongous size) every young collection copied the new ones again; at 20,000 events/s
 * that copying was the long pauses behind the window's slow pulses. Appended by one thread (the
 * FX thread); read by any thread that was handed a position after it was written.
 */
final class TextArena {
    private static final int FIRST_CHUNK = 16 * 1024;
    private static final int CHUNK = 1 << 20;

    private volatile ByteBuffer[] chunks = new ByteBuffer[0];
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
        ByteBuffer[] cs = chunks;
        if (cs.length == 0 || fill + bytes.length > cs[cs.length - 1].capacity()) {
            // Small runs start small; chunks grow to 1 MB.
            chunkSize = Math.min(CHUNK, chunkSize * 2);
            ByteBuffer chunk = ByteBuffer.allocateDirect(Math.max(chunkSize, bytes.length));
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[cs.length - 1] = chunk;
            fill = 0;
        }
        int index = cs.length - 1;
        cs[index].put(fill, bytes, 0, bytes.length);
        long handle = ((long) index << (LENGTH_BITS + OFFSET_BITS)) | ((long) fill << LENGTH_BITS) | bytes.length;
        fill += bytes.length;
        chunks = cs;
        return handle;
    }

    String get(long handle) {
        ByteBuffer chunk = chunks[(int) (handle >>> (LENGTH_BITS + OFFSET_BITS))];
        byte[] bytes = new byte[(int) (handle & MASK20)];
        chunk.get((int) ((handle >>> LENGTH_BITS) & MASK20), bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
