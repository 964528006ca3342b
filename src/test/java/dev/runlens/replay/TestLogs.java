package dev.runlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.log.SessionMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Logs for the replay tests: fixtures, a mixed session log with every awkward case, other forms. */
public final class TestLogs {
    static final String RUN = "6513270e-269e-4d37-b2a7-4de452e6b438";

    private TestLogs() {
    }

    static Path fixture(String name) {
        String dir = System.getProperty("runlens.fixtures", "src/test/resources/fixtures");
        return Path.of(dir, name);
    }

    static List<String> fixtureFrames(String name) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(fixture(name))) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * A session log with: generated traffic, the three fixtures, subscribed and gap meta lines, a
     * v2 stream whose frames carry no flow_run_id (heavy FlowFinish, errors), control frames, a
     * non-JSON frame, an invalid frame, a time beyond 2262, a broken line, a line with an extra
     * field, blank lines, and a torn last line.
     */
    static Path mixed(Path dir, int generatedEvents) throws IOException {
        Path generated = dir.resolve("generated.jsonl");
        LogGenerator.write(generated, generatedEvents, 3);
        List<LogEntry> gen = ScratchModels.entries(generated);
        Path file = dir.resolve("mixed.jsonl");
        Instant t = Instant.parse("2026-11-22T09:00:00Z");
        try (SessionLogWriter w = new SessionLogWriter(file, new SessionHeader(1, "space-operator", "ws://127.0.0.1/ws", t, "test"))) {
            int half = gen.size() / 2;
            for (int i = 0; i < half; i++) {
                write(w, gen.get(i));
            }
            for (String f : fixtureFrames("space-operator-v2-failed-run.jsonl")) {
                w.writeFrame(t = t.plusMillis(3), f);
            }
            w.writeMeta(t, "disconnected", Map.of("reason", "network"));
            w.writeMeta(t, SessionMeta.SUBSCRIBED, Map.of("stream_id", 900, "flow_run_id", "no-id-run"));
            String noId = "{\"stream_id\":900,\"event\":\"%s\",\"data\":{\"time\":\"2026-11-22T09:00:01Z\"%s}}";
            w.writeFrame(t = t.plusMillis(1), String.format(noId, "FlowStart", ""));
            w.writeFrame(t = t.plusMillis(1), String.format(noId, "NodeStart", ",\"node_id\":\"n1\",\"times\":0,\"input\":{\"M\":{}}"));
            w.writeFrame(t = t.plusMillis(1), String.format(noId, "NodeError", ",\"node_id\":\"n1\",\"times\":0,\"error\":\"boom\""));
            w.writeFrame(t = t.plusMillis(1), String.format(noId, "NodeFinish", ",\"node_id\":\"n1\",\"times\":0"));
            w.writeFrame(t = t.plusMillis(1), "{\"stream_id\":900,\"event\":\"NodeLog\",\"data\":{\"time\":\"3000-01-01T00:00:00Z\","
                    + "\"node_id\":\"n1\",\"times\":1,\"level\":\"Info\",\"module\":null,\"content\":\"far future\"}}");
            w.writeFrame(t = t.plusMillis(1), String.format(noId, "FlowError", ",\"error\":\"1 nodes failed\""));
            w.writeFrame(t = t.plusMillis(1), String.format(noId, "FlowFinish", ",\"not_run\":[\"n2\"],\"output\":{\"M\":{\"x\":{\"U\":\"1\"}}}"));
            w.writeMeta(t, SessionMeta.GAP, gapFields(t));
            w.writeFrame(t = t.plusMillis(1), "{\"id\":7,\"Ok\":{\"stream_id\":901}}");
            w.writeFrame(t = t.plusMillis(1), "this is not json {");
            w.writeFrame(t = t.plusMillis(1), "{\"stream_id\":1,\"event\":\"NodeStart\",\"data\":{\"flow_run_id\":\"" + RUN + "\"}}");
            for (String f : fixtureFrames("lyzr-docs-sample.jsonl")) {
                w.writeFrame(t = t.plusMillis(1), f);
            }
            for (String f : fixtureFrames("space-operator-v1-docs-sample.jsonl")) {
                w.writeFrame(t = t.plusMillis(1), f);
            }
            w.writeMeta(t, "placeholder", Map.of());
            for (int i = half; i < gen.size(); i++) {
                write(w, gen.get(i));
            }
        }
        // Lines the writer cannot produce: an extra field, blank lines, a broken line, a torn last line.
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(line.contains("\"placeholder\"")
                    ? "{\"at\":\"" + t + "\",\"frame\":\"{}\",\"extra\":1}\n\n   \nnot a session line\n"
                    + "{ \"frame\" : \"{\\\"stream_id\\\":900,\\\"event\\\":\\\"FlowLog\\\",\\\"data\\\":{}}\", \"at\" : \"" + t + "\" }"
                    : line);
        }
        Files.writeString(file, String.join("\n", lines) + "\n"
                + "{\"at\":\"2026-11-22T10:00:00Z\",\"frame\":\"{\\\"stream_id\\\":1,\\\"ev");
        return file;
    }

    private static Map<String, Object> gapFields(Instant t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "space-operator");
        m.put("run_id", RUN);
        m.put("from", t.minusSeconds(5).toString());
        m.put("to", t.toString());
        m.put("reason", "reconnect");
        return m;
    }

    private static void write(SessionLogWriter w, LogEntry e) throws IOException {
        if (e instanceof LogEntry.Frame f) {
            w.writeFrame(f.receivedAt(), f.text());
        } else if (e instanceof LogEntry.Meta m) {
            Map<String, Object> fields = new LinkedHashMap<>();
            m.fields().fields().forEachRemaining(en -> {
                if (!en.getKey().equals("at") && !en.getKey().equals("meta")) {
                    fields.put(en.getKey(), en.getValue().isNumber() ? en.getValue().longValue() : en.getValue().asText());
                }
            });
            w.writeMeta(m.at(), m.kind(), fields);
        }
    }

    /** The frames of a log as JSON Lines (no receive times). */
    public static Path jsonLines(Path dir, List<String> frames) throws IOException {
        Path p = dir.resolve("frames.jsonl");
        Files.write(p, frames, StandardCharsets.UTF_8);
        return p;
    }

    /** Pretty-printed frames, one after another. */
    public static Path pretty(Path dir, List<String> frames) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String f : frames) {
            b.append(Json.pretty(Json.parse(f))).append('\n');
        }
        Path p = dir.resolve("frames.pretty.json");
        Files.writeString(p, b.toString());
        return p;
    }

    public static Path array(Path dir, List<String> frames) throws IOException {
        ArrayNode a = Json.mapper().createArrayNode();
        for (String f : frames) {
            a.add(Json.parse(f));
        }
        Path p = dir.resolve("frames.array.json");
        Files.writeString(p, Json.pretty(a));
        return p;
    }

    public static Path har(Path dir, List<String> frames) throws IOException {
        ObjectNode root = Json.object();
        ArrayNode entries = root.putObject("log").putArray("entries");
        ArrayNode messages = entries.addObject().putArray("_webSocketMessages");
        double time = 1_763_800_000.0;
        for (String f : frames) {
            ObjectNode m = messages.addObject();
            m.put("type", "receive");
            m.put("time", time += 0.25);
            m.put("opcode", 1);
            m.put("data", f);
        }
        Path p = dir.resolve("frames.har");
        Files.writeString(p, Json.compact(root));
        return p;
    }

    public static Path gzip(Path source, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }

    static JsonNode parse(String s) throws IOException {
        return Json.parse(s);
    }
}
