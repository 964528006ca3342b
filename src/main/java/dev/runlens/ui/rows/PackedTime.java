package dev.runlens.ui.rows;

import java.time.Instant;
import java.util.Map;

/**
 * An instant packed in a long of nanoseconds since 1970, as the row columns keep them. An instant
 * too far from 1970 for that (a hostile frame's time) is kept aside in a map, by a key the caller
 * chooses (row and column).
 */
final class PackedTime {
    static final long NONE = Long.MIN_VALUE;
    static final long ODD = Long.MIN_VALUE + 1;
    private static final long LIMIT_SECONDS = 9_000_000_000L;

    private PackedTime() {
    }

    static long pack(Instant t, Map<Long, Instant> odd, long key) {
        if (t == null) {
            return NONE;
        }
        if (Math.abs(t.getEpochSecond()) >= LIMIT_SECONDS) {
            odd.put(key, t);
            return ODD;
        }
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant unpack(long nanos, Map<Long, Instant> odd, long key) {
        if (nanos == NONE) {
            return null;
        }
        if (nanos == ODD) {
            return odd.get(key);
        }
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
