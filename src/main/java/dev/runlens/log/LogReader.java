package dev.runlens.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.FastTime;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads any log form Runlens understands, streaming, so memory stays flat however big the file.
 * The form is detected from content; gzip is detected from its magic bytes.
 */
public final class LogReader {
    private static final int PEEK = 1 << 16;

    private final Path path;
    private final boolean gzip;
    private final LogFormat format;
    private final SessionHeader header;

    private LogReader(Path path, boolean gzip, LogFormat format, SessionHeader header) {
        this.path = path;
        this.gzip = gzip;
        this.format = format;
        this.header = header;
    }

    /**
     * Detects the form of a file. Throws {@link NoSuchFileException}, {@link AccessDeniedException}
     * or {@link LogFormatException} (with a sentence fit for the user) when it cannot be read.
     */
    public static LogReader open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new LogFormatException(path + " is a directory, not a log file");
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(path.toString(), null, "not readable");
        }
        boolean gzip;
        try (InputStream raw = Files.newInputStream(path)) {
            byte[] magic = raw.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
        byte[] prefix;
        try (InputStream in = stream(path, gzip)) {
            prefix = in.readNBytes(PEEK);
        } catch (EOFException | ZipException e) {
            throw new LogFormatException(path + " is a damaged gzip file (" + e.getMessage() + ")");
        }
        return detect(path, gzip, prefix);
    }

    private static InputStream stream(Path path, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), PEEK);
        return gzip ? new GZIPInputStream(in, PEEK) : in;
    }

    private static LogReader detect(Path path, boolean gzip, byte[] prefix) throws IOException {
        int i = skipSpace(prefix, 0);
        if (prefix.length == 0) {
            throw new LogFormatException(path + " is empty");
        }
        if (i == prefix.length) {
            throw new LogFormatException(path + " contains only white space, no frames");
        }
        byte first = prefix[i];
        if (first == '[') {
            return new LogReader(path, gzip, LogFormat.ARRAY, null);
        }
        if (first != '{') {
            throw new LogFormatException(path + " is not an event log: it does not start with JSON ("
                    + describeStart(prefix, i) + ")");
        }
        String field = firstFieldName(prefix, i);
        int newline = indexOf(prefix, i, (byte) '\n');
        int lineEnd = newline < 0 ? prefix.length : newline;
        if (SessionLogFormat.MARKER.equals(field)) {
            return new LogReader(path, gzip, LogFormat.SESSION, parseHeader(path, prefix, i, lineEnd));
        }
        if ("log".equals(field)) {
            return new LogReader(path, gzip, LogFormat.HAR, null);
        }
        if (newline < 0) {
            // One line longer than the peek, or a one-line file: JSON Lines either way.
            return new LogReader(path, gzip, LogFormat.JSON_LINES, null);
        }
        try {
            JsonNode node = Json.mapper().readTree(prefix, i, lineEnd - i);
            if (node != null && node.isObject()) {
                return new LogReader(path, gzip, LogFormat.JSON_LINES, null);
            }
        } catch (IOException notOneLine) {
            // The first line is not a whole value: a pretty-printed sequence.
        }
        return new LogReader(path, gzip, LogFormat.PRETTY, null);
    }

    private static SessionHeader parseHeader(Path path, byte[] prefix, int start, int end) throws LogFormatException {
        try {
            JsonNode h = Json.mapper().readTree(prefix, start, end - start);
            int version = h.path("version").asInt(0);
            if (version > SessionLogFormat.VERSION) {
                throw new LogFormatException(path + " is a session log of version " + version
                        + ", newer than this Runlens reads (" + SessionLogFormat.VERSION + ")");
            }
            Instant started = null;
            if (h.path("started_at").isTextual()) {
                try {
                    started = Instant.parse(h.get("started_at").textValue());
                } catch (DateTimeParseException ignored) {
                    started = null;
                }
            }
            return new SessionHeader(version, text(h, "protocol"), text(h, "url"), started, text(h, "app"));
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

    public Path path() {
        return path;
    }

    public LogFormat format() {
        return format;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The session header, for session logs; else null. */
    public SessionHeader header() {
        return header;
    }

    /**
     * Streams every entry to {@code sink}, in file order. A damaged part becomes a
     * {@link LogEntry.Corrupt} entry and reading goes on where it can.
     */
    public void read(Consumer<LogEntry> sink) throws IOException {
        try (InputStream in = stream(path, gzip)) {
            switch (format) {
                case SESSION, JSON_LINES -> readLines(in, sink);
                case PRETTY -> readScanned(in, false, sink);
                case ARRAY -> readScanned(in, true, sink);
                case HAR -> readHar(in, sink);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (EOFException | ZipException e) {
            sink.accept(new LogEntry.Corrupt("the compressed file ends abruptly (" + e.getMessage() + ")", ""));
        }
    }

    private void readLines(InputStream in, Consumer<LogEntry> sink) throws IOException {
        LineInput lines = new LineInput(in);
        boolean session = format == LogFormat.SESSION;
        long index = 0;
        long lineNo = 0;
        while (lines.next()) {
            lineNo++;
            if (lines.isBlank()) {
                continue;
            }
            long offset = gzip ? -1 : lines.offset();
            if (!session) {
                sink.accept(new LogEntry.Frame(index++, null, stripBom(lines.text(), lineNo), null, offset, lines.length()));
                continue;
            }
            LogEntry entry = sessionLine(lines, lineNo, index, offset);
            if (entry instanceof LogEntry.Frame) {
                index++;
            }
            if (entry != null) {
                sink.accept(entry);
            }
        }
    }

    private static String stripBom(String s, long lineNo) {
        return lineNo == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static LogEntry sessionLine(LineInput lines, long lineNo, long index, long offset) {
        LogEntry.Frame quick = quickFrameLine(lines, index, offset);
        if (quick != null) {
            return quick;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(lines.bytes(), 0, lines.length());
        } catch (IOException | RuntimeException e) {
            String reason = lines.terminated() ? "line " + lineNo + " of the session log is not JSON"
                    : "the last line is cut off (the session was interrupted while writing it)";
            return new LogEntry.Corrupt(reason, preview(lines.text()));
        }
        if (node == null || !node.isObject()) {
            return new LogEntry.Corrupt("line " + lineNo + " of the session log is not an object", preview(lines.text()));
        }
        if (node.has(SessionLogFormat.MARKER)) {
            return null;
        }
        Instant at = instant(node.get(SessionLogFormat.AT));
        JsonNode frame = node.get(SessionLogFormat.FRAME);
        if (frame != null && frame.isTextual()) {
            return new LogEntry.Frame(index, at, frame.textValue(), null, offset, lines.length());
        }
        JsonNode meta = node.get(SessionLogFormat.META);
        if (meta != null && meta.isTextual()) {
            return new LogEntry.Meta(at, meta.textValue(), node);
        }
        return new LogEntry.Corrupt("line " + lineNo + " of the session log is neither a frame nor a meta line",
                preview(lines.text()));
    }

    /**
     * Frame lines are nearly all of a session log: read {@code {"at":..,"frame":..}} with the
     * streaming parser, no tree. Anything else (meta, header, damage) returns null for the
     * general path.
     */
    private static LogEntry.Frame quickFrameLine(LineInput lines, long index, long offset) {
        try (JsonParser p = Json.factory().createParser(lines.bytes(), 0, lines.length())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String at = null;
            String frame = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.VALUE_STRING) {
                    return null;
                }
                if (SessionLogFormat.AT.equals(field)) {
                    at = p.getText();
                } else if (SessionLogFormat.FRAME.equals(field)) {
                    frame = p.getText();
                } else {
                    return null;
                }
            }
            if (frame == null || p.nextToken() != null) {
                return null;
            }
            Instant receivedAt = at == null ? null : FastTime.parse(at);
            if (at != null && receivedAt == null) {
                receivedAt = instant(Json.nodes().textNode(at));
            }
            return new LogEntry.Frame(index, receivedAt, frame, null, offset, lines.length());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(n.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void readScanned(InputStream in, boolean array, Consumer<LogEntry> sink) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        if (array) {
            int c;
            do {
                c = reader.read();
            } while (c != -1 && c != '[');
        }
        ValueScanner scanner = new ValueScanner(reader, array);
        long index = 0;
        ValueScanner.Chunk chunk;
        while ((chunk = scanner.next()) != null) {
            if (chunk.problem() != null) {
                sink.accept(new LogEntry.Corrupt(chunk.problem(), preview(chunk.text())));
            } else {
                sink.accept(new LogEntry.Frame(index++, null, chunk.text(), null, -1, -1));
            }
        }
    }

    private void readHar(InputStream in, Consumer<LogEntry> sink) throws IOException {
        long[] index = {0};
        try (JsonParser p = Json.factory().createParser(in)) {
            p.setCodec(Json.mapper());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("log".equals(name) && t == JsonToken.START_OBJECT) {
                    readHarLog(p, sink, index);
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.accept(new LogEntry.Corrupt("the HAR file breaks off after " + index[0] + " frames: "
                    + e.getOriginalMessage(), ""));
        }
    }

    private static void readHarLog(JsonParser p, Consumer<LogEntry> sink, long[] index) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (!"entries".equals(name) || t != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = p.readValueAsTree();
                JsonNode messages = entry.get("_webSocketMessages");
                if (messages == null || !messages.isArray()) {
                    continue;
                }
                for (JsonNode m : messages) {
                    if (!"receive".equals(m.path("type").asText()) || m.path("opcode").asInt(1) != 1) {
                        continue;
                    }
                    JsonNode data = m.get("data");
                    String text = data == null ? null : data.isTextual() ? data.textValue() : data.toString();
                    sink.accept(new LogEntry.Frame(index[0]++, epochSeconds(m.get("time")), text, null, -1, -1));
                }
            }
        }
    }

    private static Instant epochSeconds(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        BigDecimal micros = n.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP);
        if (micros.abs().toBigInteger().bitLength() > 62) {
            return null;
        }
        long m = micros.longValue();
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
    }

    private static String preview(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
