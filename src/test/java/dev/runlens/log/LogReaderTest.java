package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.Fixtures;
import dev.runlens.json.Json;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogReaderTest {
    @TempDir
    Path dir;

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    private static String summary(Path file) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(file);
        return Json.pretty(b.toJson()) + "\n";
    }

    private static SummaryBuilder build(Path file) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(file);
        return b;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path gzip(Path source) throws IOException {
        Path p = dir.resolve(source.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            Files.copy(source, out);
        }
        return p;
    }

    private static List<LogEntry> entries(Path file) throws IOException {
        List<LogEntry> list = new ArrayList<>();
        LogReader.open(file).read(list::add);
        return list;
    }

    private Path sessionLog(String name, List<String> frames) throws IOException {
        Path p = dir.resolve(name + ".session.jsonl");
        try (SessionLogWriter w = new SessionLogWriter(p, new SessionHeader(1, "space-operator", "ws://127.0.0.1:1/ws",
                Instant.parse("2026-01-01T00:00:00Z"), null))) {
            w.writeMeta(Instant.parse("2026-01-01T00:00:00Z"), "connecting", Map.of("url", "ws://127.0.0.1:1/ws"));
            long ms = 0;
            for (String f : frames) {
                w.writeFrame(Instant.parse("2026-01-01T00:00:00Z").plusMillis(ms++), f);
            }
        }
        return p;
    }

    private static String pretty(List<String> frames) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : frames) {
            sb.append(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.parse(f))).append("\n\n");
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void jsonLinesFixture(String name) throws IOException {
        assertEquals(LogFormat.JSON_LINES, LogReader.open(Fixtures.log(name)).format());
        assertEquals(Fixtures.expectedSummary(name), summary(Fixtures.log(name)));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sessionLogGivesTheSameSummary(String name) throws IOException {
        Path p = sessionLog(name, Fixtures.lines(name));
        LogReader reader = LogReader.open(p);
        assertEquals(LogFormat.SESSION, reader.format());
        assertEquals("ws://127.0.0.1:1/ws", reader.header().url());
        assertEquals(Fixtures.expectedSummary(name), summary(p));
        LogEntry first = entries(p).get(0);
        LogEntry.Meta meta = assertInstanceOf(LogEntry.Meta.class, first);
        assertEquals("connecting", meta.kind());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void prettyPrintedSequenceGivesTheSameSummary(String name) throws IOException {
        Path p = write(name + ".pretty.json", pretty(Fixtures.lines(name)));
        assertEquals(LogFormat.PRETTY, LogReader.open(p).format());
        assertEquals(Fixtures.expectedSummary(name), summary(p));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void jsonArrayGivesTheSameSummary(String name) throws IOException {
        Path compact = write(name + ".array.json", "[" + String.join(",", Fixtures.lines(name)) + "]");
        assertEquals(LogFormat.ARRAY, LogReader.open(compact).format());
        assertEquals(Fixtures.expectedSummary(name), summary(compact));
        ArrayNode arr = Json.mapper().createArrayNode();
        for (String l : Fixtures.lines(name)) {
            arr.add(Json.parse(l));
        }
        Path pretty = write(name + ".array-pretty.json", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        assertEquals(Fixtures.expectedSummary(name), summary(pretty));
    }

    @Test
    void harTimesOutOfRangeAreLeftOutAtOnce() throws IOException {
        String message = "{\"type\":\"receive\",\"opcode\":1,\"data\":\"x\",\"time\":%s}";
        Path p = write("times.har", "{\"log\":{\"entries\":[{\"_webSocketMessages\":[" + String.join(",",
                message.formatted("1e400000000"), message.formatted("1e-400000000"), message.formatted("-1.5"),
                message.formatted("1763800200.0000005")) + "]}]}}");
        List<LogEntry> read = entries(p);
        assertNull(((LogEntry.Frame) read.get(0)).receivedAt());
        assertEquals(Instant.EPOCH, ((LogEntry.Frame) read.get(1)).receivedAt());
        assertEquals(Instant.parse("1969-12-31T23:59:58.500Z"), ((LogEntry.Frame) read.get(2)).receivedAt());
        assertEquals(Instant.parse("2025-11-22T08:30:00.000001Z"), ((LogEntry.Frame) read.get(3)).receivedAt());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void harExportGivesTheSameSummaryFromReceivedMessagesOnly(String name) throws IOException {
        ObjectNode har = Json.object();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "Firefox");
        ArrayNode entries = log.putArray("entries");
        ObjectNode page = entries.addObject();
        page.putObject("request").put("url", "https://example.invalid/index.html");
        page.putObject("response").putObject("content").put("text", "<html>" + "x".repeat(1000) + "</html>");
        ObjectNode ws = entries.addObject();
        ws.putObject("request").put("url", "wss://example.invalid/ws");
        ArrayNode messages = ws.putArray("_webSocketMessages");
        ObjectNode sent = messages.addObject();
        sent.put("type", "send");
        sent.put("time", 1763800200.0);
        sent.put("opcode", 1);
        sent.put("data", "{\"id\":1,\"method\":\"Authenticate\",\"params\":{\"token\":\"b3-x\"}}");
        double t = 1763800200.5;
        for (String l : Fixtures.lines(name)) {
            ObjectNode m = messages.addObject();
            m.put("type", "receive");
            m.put("time", t += 0.25);
            m.put("opcode", 1);
            m.put("data", l);
        }
        Path p = write(name + ".har", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(har));
        assertEquals(LogFormat.HAR, LogReader.open(p).format());
        assertEquals(Fixtures.expectedSummary(name), summary(p));
        LogEntry.Frame first = assertInstanceOf(LogEntry.Frame.class, entries(p).get(0));
        assertEquals(Instant.parse("2025-11-22T08:30:00.750Z"), first.receivedAt());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void gzipOfEveryFormIsReadTransparently(String name) throws IOException {
        List<Path> forms = List.of(Fixtures.log(name), sessionLog(name, Fixtures.lines(name)),
                write(name + ".p.json", pretty(Fixtures.lines(name))),
                write(name + ".a.json", "[" + String.join(",", Fixtures.lines(name)) + "]"));
        for (Path form : forms) {
            Path gz = gzip(form);
            LogReader reader = LogReader.open(gz);
            assertTrue(reader.gzip());
            assertEquals(LogReader.open(form).format(), reader.format());
            assertEquals(Fixtures.expectedSummary(name), summary(gz), form.toString());
        }
    }

    @Test
    void invalidJsonLineIsCountedAndReadingGoesOn() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines("space-operator-v2-failed-run"));
        lines.add(3, "{\"stream_id\": 41, \"event\": \"NodeStart\", \"da");
        lines.add(5, "garbage <html>");
        Path p = write("broken.jsonl", String.join("\n", lines) + "\n");
        SummaryBuilder b = build(p);
        assertEquals(12, b.stats().total());
        assertEquals(2, b.stats().malformed());
        assertEquals("failed", b.model().runs().get(0).status().id());
        assertEquals(10, b.model().runs().get(0).events());
    }

    @Test
    void truncatedLastLineIsNotFatal() throws IOException {
        String all = String.join("\n", Fixtures.lines("space-operator-v2-failed-run"));
        Path p = write("torn.jsonl", all.substring(0, all.length() - 40));
        SummaryBuilder b = build(p);
        assertEquals(10, b.stats().total());
        assertEquals(1, b.stats().malformed());
        assertEquals("running", b.model().runs().get(0).status().id());
    }

    @Test
    void tornLastLineOfSessionLogCountsAsOneMalformedFrame() throws IOException {
        Path p = sessionLog("torn", Fixtures.lines("space-operator-v2-failed-run"));
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        SummaryBuilder b = build(p);
        assertEquals(10, b.stats().total());
        assertEquals(1, b.stats().malformed());
        assertTrue(b.problems().get(0).contains("cut off"), b.problems().toString());
        assertEquals(9, b.model().runs().get(0).events());
    }

    @Test
    void truncatedPrettySequenceAndArray() throws IOException {
        String pretty = pretty(Fixtures.lines("space-operator-v2-failed-run"));
        SummaryBuilder b = build(write("cut.json", pretty.substring(0, pretty.length() - 50)));
        assertEquals(1, b.stats().malformed());
        assertEquals(9, b.model().runs().get(0).events());
        String arr = "[" + String.join(",\n", Fixtures.lines("space-operator-v2-failed-run")) + "]";
        SummaryBuilder a = build(write("cut-array.json", arr.substring(0, arr.length() - 50)));
        assertEquals(1, a.stats().malformed());
        assertEquals(9, a.model().runs().get(0).events());
    }

    @Test
    void brokenFrameInsidePrettySequenceDoesNotStopReading() throws IOException {
        List<String> lines = Fixtures.lines("space-operator-v2-failed-run");
        String text = pretty(lines.subList(0, 3)) + "{\n  \"stream_id\": 41,\n  \"event\": oops\n}\n" + pretty(lines.subList(3, 10));
        SummaryBuilder b = build(write("mixed.json", text));
        assertEquals(11, b.stats().total());
        assertEquals(1, b.stats().malformed());
        assertEquals(10, b.model().runs().get(0).events());
    }

    @Test
    void frameNestedDeeperThanTheLimitIsMalformedAndReadingGoesOn() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines("lyzr-docs-sample"));
        lines.add(2, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        for (String form : List.of("jsonl", "array")) {
            Path p = form.equals("jsonl") ? write("deep.jsonl", String.join("\n", lines))
                    : write("deep.json", "[" + String.join(",", lines) + "]");
            SummaryBuilder b = build(p);
            assertEquals(12, b.stats().total(), form);
            assertEquals(1, b.stats().malformed(), form);
            assertEquals(2, b.model().runs().size(), form);
        }
    }

    @Test
    void frameOfTensOfMegabytesIsRead() throws IOException {
        String big = "y".repeat(30 * 1024 * 1024);
        String frame = "{\"stream_id\":1,\"event\":\"NodeOutput\",\"data\":{\"time\":\"2025-11-22T08:30:00Z\",\"node_id\":\"n\","
                + "\"times\":0,\"output\":{\"M\":{\"blob\":{\"S\":\"" + big + "\"}}},\"flow_run_id\":\"r\"}}";
        Path p = write("big.jsonl", frame + "\n" + frame + "\n");
        SummaryBuilder b = build(p);
        assertEquals(0, b.stats().malformed());
        assertEquals(2, b.model().runs().get(0).execution("n", 0).outputs());
        Path s = sessionLog("big", List.of(frame));
        assertEquals(1, build(s).model().runs().get(0).execution("n", 0).outputs());
    }

    @Test
    void offsetsLocateEachLineInUncompressedFiles() throws IOException {
        Path p = Fixtures.log("lyzr-docs-sample");
        byte[] bytes = Files.readAllBytes(p);
        for (LogEntry e : entries(p)) {
            LogEntry.Frame f = assertInstanceOf(LogEntry.Frame.class, e);
            String line = new String(bytes, (int) f.offset(), f.length(), StandardCharsets.UTF_8);
            assertEquals(f.text(), line);
        }
        LogEntry.Frame zipped = assertInstanceOf(LogEntry.Frame.class, entries(gzip(p)).get(0));
        assertEquals(-1, zipped.offset());
    }

    @Test
    void readFromAnOffsetGivesTheRestOfTheWholeRead() throws IOException {
        Path p = sessionLog("ranged", Fixtures.lines("space-operator-v2-failed-run"));
        List<LogEntry> whole = entries(p);
        LogEntry.Frame fifth = (LogEntry.Frame) whole.stream().filter(e -> e instanceof LogEntry.Frame).skip(4).findFirst().orElseThrow();
        List<LogEntry> rest = new ArrayList<>();
        LogReader.open(p).read(fifth.offset(), Files.size(p), fifth.index(), 6, rest::add);
        assertEquals(whole.subList(whole.indexOf(fifth), whole.size()), rest);
        LogReader zipped = LogReader.open(gzip(p));
        assertThrows(IllegalStateException.class, () -> zipped.read(0, 10, 0, 0, e -> { }));
    }

    @Test
    void emptyFileSaysSo() throws IOException {
        LogFormatException e = assertThrows(LogFormatException.class, () -> LogReader.open(write("empty.jsonl", "")));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
        LogFormatException blank = assertThrows(LogFormatException.class, () -> LogReader.open(write("blank.jsonl", "\n  \n")));
        assertTrue(blank.getMessage().contains("white space"), blank.getMessage());
    }

    @Test
    void fileThatIsNotALogSaysSo() throws IOException {
        LogFormatException text = assertThrows(LogFormatException.class, () -> LogReader.open(write("notes.txt", "hello, world\n")));
        assertTrue(text.getMessage().contains("not an event log"), text.getMessage());
        Path bin = dir.resolve("x.png");
        Files.write(bin, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3, 4, 5, 6, 7, 8});
        LogFormatException binary = assertThrows(LogFormatException.class, () -> LogReader.open(bin));
        assertTrue(binary.getMessage().contains("binary"), binary.getMessage());
        assertThrows(LogFormatException.class, () -> LogReader.open(dir));
        assertThrows(NoSuchFileException.class, () -> LogReader.open(dir.resolve("missing.jsonl")));
    }

    @Test
    void damagedGzipSaysSo() throws IOException {
        Path gz = gzip(Fixtures.log("lyzr-docs-sample"));
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, 12));
        assertThrows(LogFormatException.class, () -> LogReader.open(gz));
    }

    @Test
    void gzipCutInTheMiddleKeepsWhatWasReadable() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(String.join("\n", Fixtures.lines("lyzr-docs-sample"))).append('\n');
        }
        Path big = write("many.jsonl", sb.toString());
        Path gz = gzip(big);
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<LogEntry> list = entries(gz);
        assertInstanceOf(LogEntry.Corrupt.class, list.get(list.size() - 1));
        assertTrue(list.size() > 1000);
    }

    @Test
    void sessionLogFromANewerVersionIsRefusedPlainly() throws IOException {
        Path p = write("future.jsonl", "{\"runlens\":\"session-log\",\"version\":99}\n");
        LogFormatException e = assertThrows(LogFormatException.class, () -> LogReader.open(p));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void sessionMetaRegistersStreamsAndGaps() throws IOException {
        Path p = dir.resolve("meta.session.jsonl");
        try (SessionLogWriter w = new SessionLogWriter(p, new SessionHeader(1, "space-operator", null, null, null))) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            w.writeMeta(t, SessionMeta.SUBSCRIBED, Map.of("stream_id", 5, "flow_run_id", "run-5"));
            w.writeFrame(t, "{\"stream_id\":5,\"event\":\"FlowStart\",\"data\":{\"time\":\"2026-01-01T00:00:00Z\"}}");
            w.writeMeta(t, SessionMeta.GAP, Map.of("source", "lyzr", "run_id", "F/r", "from", "2026-01-01T00:00:01Z",
                    "to", "2026-01-01T00:00:03Z", "reason", "connection lost"));
        }
        SummaryBuilder b = build(p);
        assertEquals("run-5", b.model().runs().get(0).ref().runId());
        assertEquals(1, b.model().runs().get(1).gaps().size());
        assertEquals("connection lost", b.model().runs().get(1).gaps().get(0).reason());
    }

    @Test
    void sessionLogKeepsFramesThatAreNotJsonExactly() throws IOException {
        Path p = sessionLog("text", List.of("Connected to workflow", "{\"event_type\":\"ping\"}"));
        List<LogEntry> list = entries(p);
        LogEntry.Frame f = assertInstanceOf(LogEntry.Frame.class, list.get(1));
        assertEquals("Connected to workflow", f.text());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), f.receivedAt());
        for (String line : Files.readAllLines(p)) {
            assertTrue(line.startsWith("{\""), "a session line starts with its object: " + line);
        }
        JsonNode header = Json.parse(Files.readAllLines(p).get(0));
        assertEquals("session-log", header.get("runlens").asText());
        assertNull(header.get("token"));
    }
}
