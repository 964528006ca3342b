package dev.runlens.log;

import dev.runlens.protocol.AsciiStrings;
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

    /** Per reading thread, for the unescaped frame of a line up to 64 KB (a million lines, a million buffers otherwise). */
    private static final int SCRATCH_BYTES = 1 << 16;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);
    private static final byte[] AT_FIRST = ascii("{\"at\":\"");
    private static final byte[] FRAME_AFTER_AT = ascii(",\"frame\":\"");
    private static final byte[] FRAME_FIRST = ascii("{\"frame\":\"");

    /**
     * The frame line exactly as {@link SessionLogWriter} writes it, {@code {"at":"..","frame":".."}}
     * or {@code {"frame":".."}}, read from its bytes (no parser); null for any other line or
     * anything the tree might read otherwise (whitespace, other fields, an escape in the time, a
     * {@code \\u} escape beyond ASCII, bytes that are not UTF-8), which then takes the tree.
     */
    static LogEntry frameLine(byte[] b, int n, long index, long offset) {
        int i;
        String at = null;
        if (startsWith(b, n, 0, AT_FIRST)) {
            int start = AT_FIRST.length;
            i = start;
            while (i < n && b[i] != '"') {
                if (b[i] < 0x20 || b[i] == '\\') {
                    return null;  // a control, an escape or a byte outside ASCII (negative)
                }
                i++;
            }
            at = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
            if (!startsWith(b, n, i + 1, FRAME_AFTER_AT)) {
                return null;
            }
            i += 1 + FRAME_AFTER_AT.length;
        } else if (startsWith(b, n, 0, FRAME_FIRST)) {
            i = FRAME_FIRST.length;
        } else {
            return null;
        }
        byte[] out = n - i <= SCRATCH_BYTES ? SCRATCH.get() : new byte[n - i];
        int w = 0;
        boolean nonAscii = false;
        while (true) {
            if (i >= n) {
                return null;
            }
            byte c = b[i++];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                int e = i < n ? b[i++] : -1;
                switch (e) {
                    case '"', '\\', '/' -> out[w++] = (byte) e;
                    case 'b' -> out[w++] = '\b';
                    case 'f' -> out[w++] = '\f';
                    case 'n' -> out[w++] = '\n';
                    case 'r' -> out[w++] = '\r';
                    case 't' -> out[w++] = '\t';
                    case 'u' -> {
                        int v = i + 4 <= n ? AsciiStrings.hex(b[i]) << 12 | AsciiStrings.hex(b[i + 1]) << 8
                                | AsciiStrings.hex(b[i + 2]) << 4 | AsciiStrings.hex(b[i + 3]) : -1;
                        if (v < 0 || v >= 0x80) {
                            return null;
                        }
                        out[w++] = (byte) v;
                        i += 4;
                    }
                    default -> {
                        return null;
                    }
                }
            } else if (c >= 0 && c < 0x20) {
                return null;
            } else {
                nonAscii |= c < 0;
                out[w++] = c;
            }
        }
        if (i != n - 1 || b[i] != '}' || w > Json.MAX_STRING_LENGTH) {
            return null;
        }
        // All ASCII (the usual case): copied as it is, without UTF-8 decoding's scan.
        String frame = new String(out, 0, w, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (nonAscii && frame.indexOf('\uFFFD') >= 0) {
            return null;  // malformed UTF-8 was replaced (or the text has U+FFFD): the tree decides
        }
        return new LogEntry.Frame(index, FastTime.orNull(at), frame, null, offset, n);
    }

    private static boolean startsWith(byte[] b, int n, int at, byte[] prefix) {
        if (at + prefix.length > n) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
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
