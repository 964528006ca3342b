package dev.runlens.replay;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The markers of a {@link ReplayIndex} (errors, node starts, connection lines, malformed frames),
 * and the malformed entries with their reasons. Written by the indexing thread only, before the
 * entries they name are published.
 */
final class IndexMarkers {
    private static final Comparator<MalformedEntry> BY_INDEX = Comparator.comparingInt(MalformedEntry::index);

    private final Map<MarkerKind, IntList> markers = new EnumMap<>(MarkerKind.class);
    private volatile MalformedEntry[] malformed = new MalformedEntry[0];
    private volatile int malformedCount;

    IndexMarkers() {
        Arrays.stream(MarkerKind.values()).forEach(k -> markers.put(k, new IntList()));
    }

    /** The entry positions of one kind of marker, ascending. */
    IntList list(MarkerKind kind) {
        return markers.get(kind);
    }

    /** Indexing thread: one more malformed entry, in file order. */
    void malformed(MalformedEntry e) {
        int n = malformedCount;
        MalformedEntry[] a = malformed;
        if (n == a.length) {
            a = Arrays.copyOf(a, Math.max(16, n * 2));
            malformed = a;
        }
        a[n] = e;
        malformedCount = n + 1;
    }

    /** Malformed frames and unreadable pieces found so far, in file order. */
    List<MalformedEntry> malformed() {
        int n = malformedCount;
        return List.of(Arrays.copyOf(malformed, n));
    }

    /** Why entry {@code i} was listed as malformed, or null. */
    String malformedReason(int i) {
        int n = malformedCount;
        MalformedEntry[] a = malformed;
        int k = Arrays.binarySearch(a, 0, n, new MalformedEntry(i, null), BY_INDEX);
        return k >= 0 ? a[k].reason() : null;
    }

    /** Estimated heap held by the markers and the malformed list. */
    long bytes() {
        return markers.values().stream().mapToLong(IntList::bytes).sum() + (long) malformedCount * 64;
    }
}
