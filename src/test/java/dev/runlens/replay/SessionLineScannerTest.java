package dev.runlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLineScannerTest {
    @TempDir
    Path dir;

    private static void assertSameAsJackson(String line) throws Exception {
        SessionLineScanner scanner = new SessionLineScanner();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertTrue(scanner.scan(b, b.length), line);
        JsonNode tree = Json.parse(line);
        assertEquals(tree.get("at").textValue(), scanner.at());
        assertEquals(tree.get("frame").textValue(), scanner.frame());
    }

    private static boolean scans(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new SessionLineScanner().scan(b, b.length);
    }

    @Test
    void readsEveryFrameLineOfAGeneratedLogLikeJackson() throws Exception {
        Path log = dir.resolve("g.jsonl");
        LogGenerator.write(log, 5_000, 2);
        int frames = 0;
        for (String line : Files.readAllLines(log)) {
            if (line.contains("\"frame\"")) {
                assertSameAsJackson(line);
                frames++;
            }
        }
        assertEquals(5_000, frames);
    }

    @Test
    void unescapesEveryJsonEscapeLikeJackson() throws Exception {
        assertSameAsJackson("{\"at\":\"2026-01-01T00:00:00Z\",\"frame\":\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0041j\\u001fk\"}");
        assertSameAsJackson("  {\"at\":\"x\",\"frame\":\"\"}  \r");
    }

    @Test
    void leavesEveryOtherShapeToTheParsers() {
        for (String line : List.of(
                "{\"at\": \"x\",\"frame\":\"{}\"}",
                "{\"frame\":\"{}\",\"at\":\"x\"}",
                "{\"at\":\"x\",\"frame\":\"{}\",\"extra\":1}",
                "{\"at\":\"x\",\"frame\":\"caf\u00e9\"}",
                "{\"at\":\"x\",\"frame\":\"bad \\x escape\"}",
                "{\"at\":\"x\",\"frame\":\"\\u00g1\"}",
                "{\"at\":\"x\",\"frame\":\"\\u00e9\"}",
                "{\"at\":\"x\",\"frame\":\"torn",
                "{\"at\":\"x\",\"frame\":\"{}\"} trailing",
                "{\"at\":\"x\",\"meta\":\"gap\"}")) {
            assertFalse(scans(line), line);
        }
    }
}
