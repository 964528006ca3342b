package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.model.Gap;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.RunRef;

import java.time.Instant;

/** One error or protocol problem as the error panel lists it; {@code run}/{@code execution} may be null. */
public record ErrorEntry(Instant time, ErrorKind kind, Feed feed, RunRef run, String node, Integer times,
                         String message, Execution execution) {

    /** A problem of the feed rather than of a run (unreadable input, a connection, a fault). */
    public static ErrorEntry ofFeed(Instant time, ErrorKind kind, Feed feed, String message) {
        return new ErrorEntry(time, kind, feed, null, null, null, message, null);
    }

    /** A frame the decoder rejected: why, and what it began with. */
    public static ErrorEntry malformed(Instant time, Feed feed, MalformedFrame m) {
        return ofFeed(time, ErrorKind.MALFORMED_FRAME, feed, m.reason() + (m.preview().isEmpty() ? "" : ": " + m.preview()));
    }

    /** Events of {@code run} may be missing for the gap's time. */
    public static ErrorEntry gap(Feed feed, RunRef run, Gap gap) {
        return new ErrorEntry(gap.from(), ErrorKind.GAP, feed, run, null, null, "events may be missing from " + gap.from() + " to "
                + gap.to() + (gap.reason() == null || gap.reason().isBlank() ? "" : " (" + gap.reason() + ")"), null);
    }
}
