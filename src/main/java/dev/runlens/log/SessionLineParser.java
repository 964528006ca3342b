package dev.runlens.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.FastTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one reader of session-log lines ({@link SessionLogFormat}), for {@link LogReader} and the
 * replay index alike: a streaming pass for the common {@code {"at":..,"frame":..}} line (no tree),
 * and a tree for everything else (header, meta lines, damage). Both give the same entry for a
 * frame line; the streaming pass only gives up early.
 */
public final class SessionLineParser {
    private SessionLineParser() {
    }

    /**
     * The entry of the UTF-8 line {@code line[0..length)}, or null for the header line.
     * {@code terminated}: whether a newline ended it (a cut-off last line is reported as such).
     */
    public static LogEntry parse(byte[] line, int length, long lineNo, boolean terminated, long index, long offset) {
        LogEntry fast = frameLine(line, length, index, offset);
        return fast != null ? fast : anyLine(line, length, lineNo, terminated, index, offset);
    }

    private static LogEntry frameLine(byte[] line, int length, long index, long offset) {
        String at = null;
        String frame = null;
        try (JsonParser p = Json.factory().createParser(line, 0, length)) {
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
            if (t != JsonToken.END_OBJECT || frame == null || p.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new LogEntry.Frame(index, FastTime.orNull(at), frame, null, offset, length);
    }

    private static LogEntry anyLine(byte[] line, int length, long lineNo, boolean terminated, long index, long offset) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line, 0, length);
        } catch (IOException | RuntimeException e) {
            String reason = terminated ? "line " + lineNo + " of the session log is not JSON"
                    : "the last line is cut off (the session was interrupted while writing it)";
            return new LogEntry.Corrupt(reason, preview(new String(line, 0, length, StandardCharsets.UTF_8)));
        }
        if (node == null || !node.isObject()) {
            return new LogEntry.Corrupt("line " + lineNo + " of the session log is not an object",
                    preview(new String(line, 0, length, StandardCharsets.UTF_8)));
        }
        if (node.has(SessionLogFormat.MARKER)) {
            return null;
        }
        Instant at = at(node);
        JsonNode frame = node.get(SessionLogFormat.FRAME);
        if (frame != null && frame.isTextual()) {
            return new LogEntry.Frame(index, at, frame.textValue(), null, offset, length);
        }
        JsonNode meta = node.get(SessionLogFormat.META);
        if (meta != null && meta.isTextual()) {
            return new LogEntry.Meta(at, meta.textValue(), node);
        }
        return new LogEntry.Corrupt("line " + lineNo + " of the session log is neither a frame nor a meta line",
                preview(new String(line, 0, length, StandardCharsets.UTF_8)));
    }

    /** A meta line read back from the file (for replaying a gap). */
    public static LogEntry.Meta meta(String lineText) throws IOException {
        JsonNode node = Json.parse(lineText);
        return new LogEntry.Meta(at(node), node.path(SessionLogFormat.META).asText(), node);
    }

    /** The frame text of a session frame line read back from the file. */
    public static String frameText(String lineText) throws IOException {
        JsonNode node = Json.parse(lineText);
        JsonNode frame = node == null ? null : node.get(SessionLogFormat.FRAME);
        if (frame == null || !frame.isTextual()) {
            throw new IOException("the line no longer holds a frame (was the file changed?)");
        }
        return frame.textValue();
    }

    private static Instant at(JsonNode line) {
        JsonNode at = line.get(SessionLogFormat.AT);
        return at != null && at.isTextual() ? FastTime.orNull(at.textValue()) : null;
    }

    static String preview(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
