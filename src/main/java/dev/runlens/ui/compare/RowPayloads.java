package dev.runlens.ui.compare;

import dev.runlens.compare.RunPayloads;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.inspector.InspectorLoader;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.FrameRef;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads the inputs and outputs of a shown run back from its event rows (the dashboard keeps no
 * payloads): only the rows that carry one are read. Blocks on spilled frames: off the FX thread.
 */
final class RowPayloads {
    private static final Set<String> CARRY_PAYLOADS = Set.of("NodeStart", "NodeOutput", "task_started", "task_completed");

    private RowPayloads() {
    }

    /** Adds what {@code rows} of run {@code run} carry to {@code into}; returns the rows that could not be read. */
    static int read(List<EventRow> rows, RunRef run, RunPayloads into) {
        int unread = 0;
        for (EventRow row : rows) {
            if (row.execution() == null || !CARRY_PAYLOADS.contains(row.kind())) {
                continue;
            }
            try {
                if (decode(row.frame(), run) instanceof RunEvent e) {
                    into.accept(e, row.execution());
                }
            } catch (RuntimeException e) {
                unread++;
            }
        }
        return unread;
    }

    private static ProtocolEvent decode(FrameRef ref, RunRef run) {
        if (ref instanceof FrameRef.InLog l) {
            try {
                return l.log().event(l.entry());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return InspectorLoader.decode(SpillFile.load(ref), run);
    }
}
