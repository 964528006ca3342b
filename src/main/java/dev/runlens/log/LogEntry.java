package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One item read from a log: a frame, a session meta line, or a piece that could not be read. */
public sealed interface LogEntry {

    /**
     * A received frame, as text or (for JSON arrays and pretty sequences) already parsed.
     * {@code offset}/{@code length} locate its line in an uncompressed file, else -1.
     */
    record Frame(long index, Instant receivedAt, String text, JsonNode node, long offset, int length)
            implements LogEntry {
    }

    /** A session-log line about the connection (connecting, subscribed, disconnected, gap...). */
    record Meta(Instant at, String kind, JsonNode fields) implements LogEntry {
    }

    /** Bytes that are not a readable frame: a torn last line, a broken session line. Counts as malformed. */
    record Corrupt(String reason, String preview) implements LogEntry {
    }
}
