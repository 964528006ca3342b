package dev.runlens.ui.rows;

import dev.runlens.protocol.ProtocolEvent;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the text of one received frame can be found again. Small live frames keep their text; big
 * ones are spilled to a file; frames replayed from a log stay in that log and only their entry
 * number is kept, so the heap holds their location, not their text.
 */
public sealed interface FrameRef {

    /** Length of the frame text in chars (for an entry of a log: its length in bytes). */
    int length();

    record Inline(String text) implements FrameRef {
        public int length() {
            return text.length();
        }
    }

    /** {@code bytes} UTF-8 bytes at {@code offset} in {@code file}. */
    record InFile(Path file, long offset, int bytes, int length) implements FrameRef {
    }

    /** Entry {@code entry} of an opened log, read back through {@code log}. */
    record InLog(LogEntries log, int entry, int length) implements FrameRef {
    }

    /** An opened log's entries, read back on demand (blocking: off the FX thread). */
    interface LogEntries {
        /** The entry's text exactly as recorded. */
        String text(int entry) throws IOException;

        /** The entry decoded as it was when the log was read (streams known), or null for a meta line. */
        ProtocolEvent event(int entry) throws IOException;
    }
}
