package dev.runlens.replay;

import java.time.Instant;

/** Instants as epoch nanoseconds in a long column ({@link EntryTable#NO_TIME} when absent or out of range). */
final class Times {
    private Times() {
    }

    static long nanos(Instant t) {
        if (t == null) {
            return EntryTable.NO_TIME;
        }
        try {
            long n = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
            return n == EntryTable.NO_TIME ? EntryTable.NO_TIME : n;
        } catch (ArithmeticException e) {
            return EntryTable.NO_TIME;
        }
    }

    static Instant instant(long nanos) {
        return nanos == EntryTable.NO_TIME ? null
                : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
