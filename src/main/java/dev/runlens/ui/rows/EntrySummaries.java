package dev.runlens.ui.rows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The summaries the live pipeline made for a replayed file's entries while it played, by entry
 * (a summary depends only on its entry, so it stays right across seeks): packed texts, one long
 * per entry in chunks allocated where summaries arrive. Rows without one read it back from the
 * file when shown ({@code RowSummaries}). FX thread only.
 */
final class EntrySummaries {
    private static final int SHIFT = 14;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /** Longer summaries are cut (a summary is one line of at most a few hundred chars). */
    private static final int MAX_CHARS = 1000;

    private final TextArena arena = new TextArena();
    private long[][] handles = new long[0][];

    void put(int entry, String summary) {
        int c = entry >>> SHIFT;
        if (c >= handles.length) {
            handles = Arrays.copyOf(handles, Math.max(c + 1, handles.length * 2));
        }
        if (handles[c] == null) {
            handles[c] = new long[CHUNK];
            Arrays.fill(handles[c], TextArena.NONE);
        }
        if (handles[c][entry & MASK] != TextArena.NONE) {
            return;  // played again after a seek back: the same summary
        }
        String s = summary.length() > MAX_CHARS ? summary.substring(0, MAX_CHARS) : summary;
        handles[c][entry & MASK] = arena.put(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The summary kept for {@code entry}, or null. */
    String get(int entry) {
        int c = entry >>> SHIFT;
        if (c >= handles.length || handles[c] == null) {
            return null;
        }
        long h = handles[c][entry & MASK];
        return h == TextArena.NONE ? null : arena.get(h);
    }
}
