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

    /** Stores UTF-8 {@code bytes}; returns their position (chunk index in the high half, offset in the low half). */
    long put(byte[] bytes) {
        byte[][] cs = chunks;
        if (cs.length == 0 || fill + bytes.length > cs[cs.length - 1].length) {
            // Small runs start small; a chunk always fits the text (texts here are at most 64 k chars).
            chunkSize = Math.min(CHUNK, chunkSize * 2);
            byte[] chunk = new byte[Math.max(chunkSize, bytes.length)];
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[cs.length - 1] = chunk;
            fill = 0;
        }
        int index = cs.length - 1;
        System.arraycopy(bytes, 0, cs[index], fill, bytes.length);
        long position = ((long) index << 32) | fill;
        fill += bytes.length;
        chunks = cs;
        return position;
    }

    String get(long position, int bytes) {
        byte[] chunk = chunks[(int) (position >>> 32)];
        return new String(chunk, (int) position, bytes, StandardCharsets.UTF_8);
    }

}
