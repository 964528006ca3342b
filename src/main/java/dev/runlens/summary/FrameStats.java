package dev.runlens.summary;

import dev.runlens.log.LogEntry;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;

/** Counts of what was read: every frame, those that were not JSON, those that broke the protocol. */
public final class FrameStats {
    private long total;
    private long malformed;
    private long invalid;
    private long runEvents;

    public void corrupt(LogEntry.Corrupt corrupt) {
        total++;
        malformed++;
    }

    public void frame(ProtocolEvent event) {
        total++;
        // Run events first: nearly every frame is one, and the three kinds are disjoint (sealed).
        if (event instanceof RunEvent) {
            runEvents++;
        } else if (event instanceof MalformedFrame m) {
            if (m.kind() == MalformedFrame.Kind.NOT_JSON) {
                malformed++;
            } else {
                invalid++;
            }
        } else if (event instanceof ControlEvent.TextFrame) {
            malformed++;
        }
    }

    public long total() {
        return total;
    }

    /** Frames that were not JSON (plain text, torn or cut-off pieces of a file). */
    public long malformed() {
        return malformed;
    }

    /** JSON frames that broke the protocol's rules (a node event without node_id...). */
    public long invalid() {
        return invalid;
    }

    public long runEvents() {
        return runEvents;
    }
}
