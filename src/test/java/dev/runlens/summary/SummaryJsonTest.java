package dev.runlens.summary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.Fixtures;
import dev.runlens.json.Json;
import dev.runlens.replay.LogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code summary --json}: the fixtures' bytes exactly, the tree form's layout, and any text read back unchanged. */
class SummaryJsonTest {

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureSummaryIsExactInBytes(String name) throws Exception {
        SummaryBuilder b = summarize(Fixtures.log(name));
        assertEquals(Fixtures.expectedSummary(name), new String(bytes(b), StandardCharsets.UTF_8));
    }

    @Test
    void streamedSummaryHasTheTreesLayout(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("generated.jsonl");
        LogGenerator.write(log, 30_000, 7);
        SummaryBuilder b = summarize(log);
        assertTrue(b.model().runs().size() > 1);
        assertEquals(Json.pretty(b.toJson()) + "\n", new String(bytes(b), StandardCharsets.UTF_8));
    }

    @Test
    void oddTextsNumbersAndTimesReadBackUnchanged(@TempDir Path dir) throws Exception {
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
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\\u0001 \\u001F"), "controls escaped as Jackson does");
        assertTrue(text.contains("nœud-ü"), "text outside ASCII as UTF-8");
        assertTrue(text.contains("emoji \\uD83D\\uDE00 pair"), "outside the BMP as an escaped pair");
        assertTrue(text.contains("123456789012345678901234567890"), text);
        JsonNode read = Json.mapper().readTree(bytes);
        List<String> runIds = new ArrayList<>();
        read.get("runs").forEach(r -> runIds.add(r.get("run_id").textValue()));
        List<String> expected = new ArrayList<>();
        b.model().runs().forEach(r -> expected.add(r.ref().runId()));
        assertEquals(expected, runIds, "every text, lone surrogates included, reads back as it was");
        assertTrue(runIds.contains("run-lone high \ud800 x"));
    }

    @Test
    void anEmptySummaryIsExact() throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        assertEquals("{\n  \"runs\": [],\n  \"frames\": {\n    \"total\": 0,\n    \"malformed\": 0\n  }\n}\n",
                new String(bytes(b), StandardCharsets.UTF_8));
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
}
