package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.replay.LogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameLineScannerTest {
    @TempDir
    Path dir;

    private static void assertSameAsJackson(String line) throws Exception {
        FrameLineScanner scanner = new FrameLineScanner();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertTrue(scanner.scan(b, b.length), line);
        JsonNode tree = Json.parse(line);
        assertEquals(tree.get("at").textValue(), scanner.at());
        assertEquals(tree.get("frame").textValue(), scanner.frame());
    }

    private static boolean scans(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new FrameLineScanner().scan(b, b.length);
    }

    @Test
    void readsEveryFrameLineOfAGeneratedLogLikeJackson() throws Exception {
        Path log = dir.resolve("g.jsonl");
        LogGenerator.write(log, 3_000, 4);
        int frames = 0;
        for (String line : Files.readAllLines(log)) {
            if (line.contains("\"frame\"")) {
                assertSameAsJackson(line);
                frames++;
            }
        }
        assertEquals(3_000, frames);
    }

    @Test
    void unescapesEveryJsonEscapeLikeJackson() throws Exception {
        assertSameAsJackson("{\"at\":\"2026-01-01T00:00:00Z\",\"frame\":\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0041j\\u001fk\"}");
        assertSameAsJackson("  {\"at\":\"x\",\"frame\":\"\"}  ");
        assertSameAsJackson("  {\"at\":\"x\",\"frame\":\"\"}  \r");
    }

    @Test
    void leavesEveryOtherShapeToTheParsers() {
        for (String line : List.of(
                "{\"at\": \"x\",\"frame\":\"{}\"}",
                "{\"frame\":\"{}\",\"at\":\"x\"}",
                "{\"at\":\"x\",\"frame\":\"{}\",\"frame\":\"{}\"}",
                "{\"at\":\"x\",\"frame\":\"{}\",\"extra\":1}",
                "{\"at\":\"x\",\"frame\":\"caf\u00e9\"}",
                "{\"at\":\"caf\u00e9\",\"frame\":\"{}\"}",
                "{\"at\":\"x\",\"frame\":\"bad \\x escape\"}",
                "{\"at\":\"x\",\"frame\":\"\\u00g1\"}",
                "{\"at\":\"x\",\"frame\":\"\\u00e9\"}",
                "{\"at\":\"x\",\"frame\":\"tab\tinside\"}",
                "{\"at\":\"x\",\"frame\":\"torn",
                "{\"at\":\"x\",\"frame\":\"{}\"} trailing",
                "{\"at\":\"x\",\"meta\":\"gap\"}")) {
            assertFalse(scans(line), line);
        }
    }

    /** Through the reader: lines the scanner takes and lines it leaves give what Jackson reads. */
    @Test
    void theReaderGivesTheSameFramesWhicheverPathALineTakes() throws Exception {
        List<String> lines = List.of(
                "{\"runlens\":\"session-log\",\"version\":1,\"protocol\":\"space-operator\",\"url\":\"ws://x\","
                        + "\"started_at\":\"2026-01-01T00:00:00Z\",\"app\":\"t\"}",
                "{\"at\":\"2026-01-01T00:00:01.5Z\",\"frame\":\"{\\\"a\\\":\\\"\\\\u00e9\\\"}\"}",
                "{\"at\":\"2026-01-01T00:00:02Z\",\"frame\":\"{\\\"a\\\":\\\"caf\u00e9\\\"}\"}",
                "{\"frame\":\"{\\\"a\\\":1}\",\"at\":\"2026-01-01T00:00:03Z\"}",
                "{\"at\":\"2026-01-01T00:00:04Z\",\"frame\":\"{\\\"a\\\":\\\"\\\\\\\"q\\\\\\\"\\\"}\"}",
                "{\"at\":\"not a time\",\"frame\":\"x\"}",
                "{\"at\":\"2026-01-01T00:00:05+01:00\",\"frame\":\"y\"}");
        Path log = dir.resolve("mixed.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        List<LogEntry.Frame> read = new ArrayList<>();
        LogReader.open(log).read(e -> read.add((LogEntry.Frame) e));
        assertEquals(lines.size() - 1, read.size());
        for (int i = 1; i < lines.size(); i++) {
            JsonNode tree = Json.parse(lines.get(i));
            LogEntry.Frame f = read.get(i - 1);
            assertEquals(tree.get("frame").textValue(), f.text(), lines.get(i));
            assertEquals(i - 1, f.index());
        }
        assertEquals(Instant.parse("2026-01-01T00:00:01.5Z"), read.get(0).receivedAt());
        assertEquals(null, read.get(4).receivedAt());
        assertEquals(Instant.parse("2026-01-01T00:00:04Z"), read.get(3).receivedAt());
    }
}
