package dev.runlens.ui.errors;

import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.ErrorKind;

/**
 * Identical errors (same kind, run, node and message) shown once with a count. Reconnect attempts
 * of one connection are one group whatever their wording, showing the latest.
 */
public record ErrorGroup(ErrorEntry first, ErrorEntry latest, int count) {

    /** What makes errors identical. */
    record Key(Object kind, Object run, String node, String message) {
    }

    static Key key(ErrorEntry e) {
        if (e.kind() == ErrorKind.CONNECTION_LOST) {
            return new Key(e.kind(), e.feed(), null, null);
        }
        return new Key(e.kind(), e.run(), e.node(), e.message());
    }

    ErrorGroup(ErrorEntry first) {
        this(first, first, 1);
    }

    ErrorGroup plus(ErrorEntry e) {
        return new ErrorGroup(first, e, count + 1);
    }

    /** The text to show: the latest wording for connection trouble, else the (identical) message. */
    public String message() {
        return latest.message();
    }
}
