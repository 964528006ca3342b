package dev.runlens.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Tells a log's form from its first bytes (after decompression), or says why it is not a log. */
final class LogDetector {
    record Detected(LogFormat format, SessionHeader header) {
    }

    private LogDetector() {
    }

    static Detected detect(Path path, byte[] prefix) throws IOException {
        int i = skipSpace(prefix, 0);
        if (prefix.length == 0) {
            throw new LogFormatException(path + " is empty");
        }
        if (i == prefix.length) {
            throw new LogFormatException(path + " contains only white space, no frames");
        }
        byte first = prefix[i];
        if (first == '[') {
            return new Detected(LogFormat.ARRAY, null);
        }
        if (first != '{') {
            throw new LogFormatException(path + " is not an event log: it does not start with JSON ("
                    + describeStart(prefix, i) + ")");
        }
        String field = firstFieldName(prefix, i);
        int newline = indexOf(prefix, i, (byte) '\n');
        int lineEnd = newline < 0 ? prefix.length : newline;
        if (SessionLogFormat.MARKER.equals(field)) {
            return new Detected(LogFormat.SESSION, parseHeader(path, prefix, i, lineEnd));
        }
        if ("log".equals(field)) {
            return new Detected(LogFormat.HAR, null);
        }
        if (newline < 0) {
            // One line longer than the peek, or a one-line file: JSON Lines either way.
            return new Detected(LogFormat.JSON_LINES, null);
        }
        try {
            JsonNode node = Json.mapper().readTree(prefix, i, lineEnd - i);
            if (node != null && node.isObject()) {
                return new Detected(LogFormat.JSON_LINES, null);
            }
        } catch (IOException notOneLine) {
            // The first line is not a whole value: a pretty-printed sequence.
        }
        return new Detected(LogFormat.PRETTY, null);
    }

    private static SessionHeader parseHeader(Path path, byte[] prefix, int start, int end) throws LogFormatException {
        try {
            JsonNode h = Json.mapper().readTree(prefix, start, end - start);
            int version = h.path("version").asInt(0);
            if (version > SessionLogFormat.VERSION) {
                throw new LogFormatException(path + " is a session log of version " + version
                        + ", newer than this Runlens reads (" + SessionLogFormat.VERSION + ")");
            }
            return new SessionHeader(version, text(h, "protocol"), text(h, "url"), SessionMeta.instant(h.get("started_at"), null),
                    text(h, "app"));
        } catch (LogFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new LogFormatException(path + " has a damaged session-log header line");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstFieldName(byte[] prefix, int start) {
        try (JsonParser p = Json.factory().createParser(prefix, start, prefix.length - start)) {
            if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME) {
                return p.currentName();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static int skipSpace(byte[] b, int i) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            i = Math.max(i, 3);
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] b, int from, byte value) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String describeStart(byte[] b, int i) {
        int printable = 0;
        for (int k = i; k < Math.min(b.length, i + 64); k++) {
            int c = b[k] & 0xff;
            if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\t') {
                printable++;
            }
        }
        int n = Math.min(b.length, i + 64) - i;
        if (printable < n * 0.8) {
            return "binary content";
        }
        String s = new String(b, i, Math.min(24, b.length - i), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return "starts with \"" + s + "\"";
    }
}
