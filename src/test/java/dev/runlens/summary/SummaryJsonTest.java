package dev.runlens.summary;

import dev.runlens.Fixtures;
import dev.runlens.replay.LogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte writer of {@code summary --json} writes exactly what Jackson's generator writes. */
class SummaryJsonTest {

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureSummaryIsExactInBytes(String name) throws Exception {
        SummaryBuilder b = summarize(Fixtures.log(name));
        byte[] bytes = bytes(b);
        assertEquals(Fixtures.expectedSummary(name), new String(bytes, StandardCharsets.UTF_8));
        assertArrayEquals(jackson(b), bytes);
    }

    @Test
    void generatedLogGivesJacksonsBytes(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("generated.jsonl");
        LogGenerator.write(log, 30_000, 7);
        SummaryBuilder b = summarize(log);
        assertTrue(b.model().runs().size() > 1);
        assertArrayEquals(jackson(b), bytes(b));
    }

    @Test
    void oddTextsNumbersAndTimesGiveJacksonsBytes(@TempDir Path dir) throws Exception {
        String[] texts = {
            "nœud-ü", "ノード", "emoji 😀 pair", "quote \" back \\ slash /", "controls \b\f\n\r\t \u0000 \u0001 \u001f \u007f",
            "lone high \ud800 x", "lone low \udc00", "high at end \ud83d", "line\u2028sep", "",
        };
        String[] times = {
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00.5Z",
            "2026-11-22T08:00:00.120Z", "2026-11-22T08:00:00.000120Z", "2026-11-22T08:00:00.000000120Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2100-03-01T00:00:00.000001Z",
        };
        String[] outputs = {
            "{\"M\": {\"big\": {\"U\": \"123456789012345678901234567890\"}, \"dec\": {\"D\": \"1.500\"}, \"t\": {\"S\": \"ü \\\"x\\\" \\u0001\"}}}",
            "{\"M\": {\"arr\": {\"A\": [{\"I\": \"-9223372036854775808\"}, {\"F\": \"1e400\"}, {\"B\": true}, {\"N\": 0}]}}}",
            "{\"S\": \"plain\"}",
            "{\"M\": {}}",
        };
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < texts.length; r++) {
            String run = "run-" + esc(texts[r]);
            String t = times[r % times.length];
            lines.add(frame(r, "FlowStart", t, run, ""));
            for (int k = 0; k < texts.length; k++) {
                String node = "\"node_id\": \"" + esc(texts[k]) + "\", \"times\": " + (k == 3 ? Integer.MAX_VALUE : k);
                String tk = times[(r + k) % times.length];
                lines.add(frame(r, "NodeStart", tk, run, node + ", \"input\": {\"M\": {}}"));
                lines.add(frame(r, "NodeOutput", tk, run, node + ", \"output\": " + outputs[k % outputs.length]));
                if (k % 2 == 0) {
                    lines.add(frame(r, "NodeError", tk, run, node + ", \"error\": \"" + esc(texts[(k + r) % texts.length]) + "\""));
                }
                lines.add(frame(r, "NodeFinish", times[(r + k + 1) % times.length], run, node));
            }
            lines.add(frame(r, "FlowError", t, run, "\"error\": \"" + esc(texts[r]) + "\""));
            lines.add(frame(r, "FlowFinish", t, run, "\"not_run\": [\"" + esc(texts[r]) + "\"], \"output\": "
                    + outputs[r % outputs.length]));
        }
        lines.add("not json at all");
        Path log = dir.resolve("odd.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        SummaryBuilder b = summarize(log);
        assertEquals(texts.length, b.model().runs().size());
        byte[] bytes = bytes(b);
        assertArrayEquals(jackson(b), bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\\u0001 \\u001F"), "controls escaped as Jackson does");
        assertTrue(text.contains("lone high ? x"), "a lone surrogate becomes ?");
        assertTrue(text.contains("123456789012345678901234567890"), text);
    }

    @Test
    void instantsAreWrittenAsInstantToString() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<Instant> all = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z")));
        for (int i = 0; i < 20_000; i++) {
            long sec = random.nextLong(-62_167_219_200L - 86_400 * 30, 253_402_300_800L + 86_400 * 30);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            all.add(Instant.ofEpochSecond(sec, nano));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrettyBytes w = new PrettyBytes(out);
        StringBuilder expected = new StringBuilder("[");
        w.startArray();
        for (int i = 0; i < all.size(); i++) {
            w.instant(all.get(i));
            expected.append(i == 0 ? "" : ",").append("\n  \"").append(all.get(i)).append('"');
        }
        w.endArray();
        w.flush();
        assertEquals(expected.append("\n]").toString(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptySummaryIsExact() throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        assertEquals("{\n  \"runs\": [],\n  \"frames\": {\n    \"total\": 0,\n    \"malformed\": 0\n  }\n}\n",
                new String(bytes(b), StandardCharsets.UTF_8));
        assertArrayEquals(jackson(b), bytes(b));
    }

    private static String frame(int stream, String event, String time, String run, String fields) {
        return "{\"stream_id\": " + stream + ", \"event\": \"" + event + "\", \"data\": {\"time\": \"" + time
                + "\", \"flow_run_id\": \"" + run + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}}";
    }

    /** The text as a JSON string's content; a lone surrogate as a \\u escape, as a server might send it. */
    private static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static SummaryBuilder summarize(Path log) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(log);
        return b;
    }

    private static byte[] bytes(SummaryBuilder b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(b.model().runs(), b.stats(), out);
        return out.toByteArray();
    }

    /** The generator path, as the command wrote it before: Jackson through an UTF-8 writer. */
    private static byte[] jackson(SummaryBuilder b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        SummaryJson.write(b.model().runs(), b.stats(), w);
        w.flush();
        return out.toByteArray();
    }
}
