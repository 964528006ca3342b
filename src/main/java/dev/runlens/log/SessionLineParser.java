package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.FastTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one reader of session-log lines ({@link SessionLogFormat}), for {@link LogReader} and the
 * replay index alike: a byte pass for the frame line as the writer writes it (no parser, no tree),
 * and a tree for everything else (header, meta lines, damage, lines written by hand). Both give
 * the same entry for a frame line ({@code SessionLineParserTest}); the byte pass only gives up early.
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

    /** Per reading thread: the byte pass reuses its buffer (a million lines, a million buffers otherwise). */
    private static final ThreadLocal<FrameLineBytes> BYTE_PASS = ThreadLocal.withInitial(FrameLineBytes::new);

    /**
     * The frame line exactly as {@link SessionLogWriter} writes it, read from its bytes by
     * {@link FrameLineBytes} (no parser); null for any other line, which then takes the tree.
     */
    static LogEntry frameLine(byte[] b, int n, long index, long offset) {
        FrameLineBytes line = BYTE_PASS.get();
        if (!line.read(b, n)) {
            return null;
        }
        String frame = line.text();
        if (frame == null) {
            return null;  // malformed UTF-8 was replaced (or the text has U+FFFD): the tree decides
        }
        return new LogEntry.Frame(index, receivedAt(b, line), frame, null, offset, n);
    }

    /** The receive time of the frame line {@code b} that {@code line} read, or null without one. */
    static Instant receivedAt(byte[] b, FrameLineBytes line) {
        if (line.atFrom() < 0) {
            return null;
        }
        Instant at = FastTime.parse(b, line.atFrom(), line.atTo());
        return at != null ? at : FastTime.orNull(new String(b, line.atFrom(), line.atTo() - line.atFrom(), StandardCharsets.ISO_8859_1));
    }

    /** The tree reading of any line; package-private for the equality test. */
    static LogEntry anyLine(byte[] line, int length, long lineNo, boolean terminated, long index, long offset) {
        JsonNode node;
        try {
            node = Json.parse(line, 0, length);
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
