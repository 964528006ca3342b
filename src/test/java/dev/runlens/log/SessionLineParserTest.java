package dev.runlens.log;

import dev.runlens.SampleFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte pass over frame lines gives exactly the tree's entry, on written lines and damaged ones. */
class SessionLineParserTest {
    @TempDir
    Path dir;

    private static final String[] ODD_FRAMES = {
        "", "plain text", "{\"content\":\"n\u00f6ud \u30ce\u30fc\u30c9 \ud83d\ude00\"}", "lone \ud800 high", "lone \udc00 low",
        "controls \u0000 \u0001 \u001f \u007f \b\f\n\r\t", "quote \" back \\ slash / ", "replacement \ufffd char",
        "{\"s\":\"\\u00e9 \\\" \\\\\"}", "\u2028\u2029",
    };

    private List<byte[]> writtenLines() throws IOException {
        Path p = dir.resolve("lines.jsonl");
        List<String> frames = new ArrayList<>(SampleFrames.withFixtures(600, 300, 3));
        frames.addAll(Arrays.asList(ODD_FRAMES));
        Instant t = Instant.parse("2026-11-22T08:00:00Z");
        try (SessionLogWriter w = new SessionLogWriter(p, new SessionHeader(1, "space-operator", "ws://x/ws", t, "test"))) {
            w.writeMeta(t, SessionMeta.SUBSCRIBED, Map.of("stream_id", 0, "flow_run_id", "r"));
            int k = 0;
            for (String f : frames) {
                w.writeFrame(k++ % 7 == 0 ? null : t.plusNanos(k * 1_000_123L), f);
            }
        }
        List<byte[]> lines = new ArrayList<>();
        for (String line : Files.readString(p, StandardCharsets.UTF_8).split("\n")) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** The byte pass as a summary uses it: its ASCII frames are decoded from its bytes. */
    private static final FrameLineBytes BYTE_PASS = new FrameLineBytes();

    private static void assertSameEntry(byte[] line, int n) {
        LogEntry expected = SessionLineParser.anyLine(line, n, 9, true, 4, 100);
        LogEntry actual = SessionLineParser.parse(line, n, 9, true, 4, 100);
        assertEquals(expected, actual, () -> "line reads differently: " + new String(line, 0, n, StandardCharsets.UTF_8));
        if (BYTE_PASS.read(line, n) && BYTE_PASS.ascii()) {
            assertEquals(((LogEntry.Frame) expected).text(), new String(BYTE_PASS.bytes(), 0, BYTE_PASS.length(), StandardCharsets.US_ASCII),
                    () -> "the frame's bytes differ from its text: " + new String(line, 0, n, StandardCharsets.UTF_8));
        }
    }

    @Test
    void writtenFrameLinesTakeTheBytePassAndEqualTheTree() throws IOException {
        List<byte[]> lines = writtenLines();
        int fast = 0;
        for (byte[] line : lines) {
            assertSameEntry(line, line.length);
            if (SessionLineParser.frameLine(line, line.length, 4, 100) != null) {
                fast++;
            }
        }
        // All but the header, the meta line and the frames with characters the writer escapes beyond
        // ASCII (outside the BMP, lone surrogates).
        assertTrue(fast >= lines.size() * 0.99, "the byte pass took " + fast + " of " + lines.size());
    }

    @Test
    void damagedLinesReadAsTheTreeReadsThem() throws IOException {
        List<byte[]> lines = writtenLines();
        Random rnd = new Random(15);
        byte[] odd = {' ', '\t', '"', '\\', '}', '{', ',', ':', 'u', '0', 'a', (byte) 0x80, (byte) 0xC3, (byte) 0xA9,
            (byte) 0xED, (byte) 0xFF, 0, 0x1f, 'n'};
        for (int k = 0; k < 60_000; k++) {
            byte[] line = lines.get(rnd.nextInt(lines.size())).clone();
            int n = line.length;
            switch (rnd.nextInt(4)) {
                case 0 -> line[rnd.nextInt(n)] = odd[rnd.nextInt(odd.length)];
                case 1 -> n = rnd.nextInt(n + 1);
                case 2 -> {
                    int at = rnd.nextInt(n);
                    byte[] grown = new byte[n + 1];
                    System.arraycopy(line, 0, grown, 0, at);
                    grown[at] = odd[rnd.nextInt(odd.length)];
                    System.arraycopy(line, at, grown, at + 1, n - at);
                    line = grown;
                    n++;
                }
                default -> {
                    line[rnd.nextInt(n)] = odd[rnd.nextInt(odd.length)];
                    line[rnd.nextInt(n)] = odd[rnd.nextInt(odd.length)];
                }
            }
            assertSameEntry(line, n);
        }
    }

    @Test
    void theBytePassLeavesUnusualLinesToTheTree() {
        String[] lines = {
            "{\"at\": \"2026-11-22T08:00:00Z\",\"frame\":\"x\"}", "{\"frame\":\"x\",\"at\":\"2026-11-22T08:00:00Z\"}",
            "{\"at\":\"2026-11-22T08:00:00Z\",\"frame\":\"\\u00e9\"}", "{\"frame\":\"x\"} ", "{\"frame\":\"\\ud83d\\ude00\"}",
            "{\"at\":\"2026\\u002d11-22T08:00:00Z\",\"frame\":\"x\"}", "{\"frame\":\"x\",\"frame\":\"y\"}",
        };
        for (String s : lines) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertNull(SessionLineParser.frameLine(b, b.length, 0, 0), s);
            assertSameEntry(b, b.length);
        }
        byte[] plain = "{\"at\":\"2026-11-22T08:00:00.5Z\",\"frame\":\"{\\\"a\\\":\\\"\\\\u0041\\\\n\\\"}\"}".getBytes(StandardCharsets.UTF_8);
        LogEntry.Frame f = (LogEntry.Frame) SessionLineParser.frameLine(plain, plain.length, 0, 0);
        assertNotNull(f);
        assertEquals("{\"a\":\"\\u0041\\n\"}", f.text());
        assertEquals(Instant.parse("2026-11-22T08:00:00.5Z"), f.receivedAt());
    }
}
