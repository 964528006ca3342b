package dev.runlens.ui.errors;

import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.ErrorKind;

import java.time.Instant;

/**
 * Identical errors (same kind, run, node and message) shown once with a count. Reconnect attempts
 * of one connection are one group whatever their wording, showing the latest.
 */
public record ErrorGroup(ErrorEntry first, ErrorEntry latest, int count, Instant lastTime) {

    /**
     * What makes errors identical. Written out rather than a record: a replay seek regroups
     * thousands of errors, and the record's generated {@code hashCode}/{@code equals} (and
     * {@code RunRef}'s) were most of that; errors of one run share their {@code RunRef} and
     * messages, so identity answers most comparisons here.
     */
    static final class Key {
        private final Object kind;
        private final Object run;
        private final String node;
        private final String message;
        private final int hash;

        Key(Object kind, Object run, String node, String message) {
            this.kind = kind;
            this.run = run;
            this.node = node;
            this.message = message;
            this.hash = ((java.util.Objects.hashCode(kind) * 31 + java.util.Objects.hashCode(run)) * 31
                    + java.util.Objects.hashCode(node)) * 31 + java.util.Objects.hashCode(message);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && same(kind, k.kind) && same(run, k.run) && same(node, k.node)
                    && same(message, k.message);
        }

        private static boolean same(Object a, Object b) {
            return a == b || a != null && a.equals(b);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static Key key(ErrorEntry e) {
        if (e.kind() == ErrorKind.CONNECTION_LOST) {
            return new Key(e.kind(), e.feed(), null, null);
        }
        return new Key(e.kind(), e.run(), e.node(), e.message());
    }

    ErrorGroup(ErrorEntry first) {
        this(first, first, 1, first.time());
    }

    ErrorGroup plus(ErrorEntry e) {
        Instant last = lastTime == null || (e.time() != null && e.time().isAfter(lastTime)) ? e.time() : lastTime;
        return new ErrorGroup(first, e, count + 1, last);
    }

    /** The text to show: the latest wording for connection trouble, else the (identical) message. */
    public String message() {
        return latest.message();
    }
}
