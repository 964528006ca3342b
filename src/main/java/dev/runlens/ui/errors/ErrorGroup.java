package dev.runlens.ui.errors;

import dev.runlens.ui.fx.ErrorEntry;

import java.time.Instant;

/** Identical errors (same kind, run, node and message) shown once with a count. */
public record ErrorGroup(ErrorEntry first, int count, Instant lastTime) {

    record Key(Object kind, Object run, String node, String message) {
    }

    static Key key(ErrorEntry e) {
        return new Key(e.kind(), e.run(), e.node(), e.message());
    }

    ErrorGroup plus(ErrorEntry e) {
        Instant last = lastTime == null || (e.time() != null && e.time().isAfter(lastTime)) ? e.time() : lastTime;
        return new ErrorGroup(first, count + 1, last);
    }
}
