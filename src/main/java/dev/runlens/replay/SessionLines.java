package dev.runlens.replay;

import dev.runlens.protocol.FastTime;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionLogFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads one session-log line into a {@link LogEntry}, with the same results as
 * {@code LogReader}: a streaming fast path for the common {@code {"at":..,"frame":..}} line (no
 * tree), and the reader's own tree-based rules for everything else (header, meta, damage).
 */
final class SessionLines {
    private SessionLines() {
    }

    /** The entry of a line, or null for a header line. */
    static LogEntry parse(byte[] line, int length, long lineNo, boolean terminated, long index, long offset) {
        LogEntry fast = fast(line, length, index, offset);
        return fast != null ? fast : slow(line, length, lineNo, terminated, index, offset);
    }

    private static LogEntry fast(byte[] line, int length, long index, long offset) {
        String at = null;
        String frame = null;
        try (JsonParser p = FastJson.FACTORY.createParser(line, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                if (SessionLogFormat.AT.equals(name) && at == null) {
                    at = p.getText();
                } else if (SessionLogFormat.FRAME.equals(name) && frame == null) {
                    frame = p.getText();
                } else {
                    return null;
                }
            }
            if (t != JsonToken.END_OBJECT || frame == null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new LogEntry.Frame(index, instant(at), frame, null, offset, length);
    }

    private static LogEntry slow(byte[] line, int length, long lineNo, boolean terminated, long index, long offset) {
        JsonNode node;
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        try {
            node = Json.mapper().readTree(line, 0, length);
        } catch (IOException | RuntimeException e) {
            String reason = terminated ? "line " + lineNo + " of the session log is not JSON"
                    : "the last line is cut off (the session was interrupted while writing it)";
            return new LogEntry.Corrupt(reason, preview(text));
        }
        if (node == null || !node.isObject()) {
            return new LogEntry.Corrupt("line " + lineNo + " of the session log is not an object", preview(text));
        }
        if (node.has(SessionLogFormat.MARKER)) {
            return null;
        }
        JsonNode atNode = node.get(SessionLogFormat.AT);
        Instant at = atNode != null && atNode.isTextual() ? instant(atNode.textValue()) : null;
        JsonNode frame = node.get(SessionLogFormat.FRAME);
        if (frame != null && frame.isTextual()) {
            return new LogEntry.Frame(index, at, frame.textValue(), null, offset, length);
        }
        JsonNode meta = node.get(SessionLogFormat.META);
        if (meta != null && meta.isTextual()) {
            return new LogEntry.Meta(at, meta.textValue(), node);
        }
        return new LogEntry.Corrupt("line " + lineNo + " of the session log is neither a frame nor a meta line",
                preview(text));
    }

    /** A meta line read back from the file (for replaying a gap). */
    static LogEntry.Meta meta(String lineText) throws IOException {
        JsonNode node = Json.parse(lineText);
        JsonNode atNode = node.get(SessionLogFormat.AT);
        Instant at = atNode != null && atNode.isTextual() ? instant(atNode.textValue()) : null;
        return new LogEntry.Meta(at, node.path(SessionLogFormat.META).asText(), node);
    }

    /** The frame text of a session frame line read back from the file. */
    static String frameText(String lineText) throws IOException {
        JsonNode node = Json.parse(lineText);
        JsonNode frame = node == null ? null : node.get(SessionLogFormat.FRAME);
        if (frame == null || !frame.isTextual()) {
            throw new IOException("the line no longer holds a frame (was the file changed?)");
        }
        return frame.textValue();
    }

    static Instant instant(String s) {
        return FastTime.orNull(s);
    }

    static String preview(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
