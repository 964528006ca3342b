package dev.runlens.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRecorderTest {
    @TempDir
    Path dir;

    private static SessionHeader header() {
        return new SessionHeader(SessionLogFormat.VERSION, "space-operator", "ws://127.0.0.1:1/ws", Instant.parse("2026-11-22T10:00:00Z"), "test");
    }

    @Test
    void theSessionsDirPropertyMovesNewRecordingsOutOfTheUsersFolder(@TempDir Path elsewhere) {
        String before = System.getProperty("runlens.sessions.dir");
        try {
            System.setProperty("runlens.sessions.dir", elsewhere.toString());
            assertEquals(elsewhere, SessionRecorder.defaultDirectory());
            assertEquals(elsewhere, SessionRecorder.defaultFile(Instant.EPOCH).getParent());
            System.clearProperty("runlens.sessions.dir");
            assertTrue(SessionRecorder.defaultDirectory().endsWith(Path.of("runlens", "sessions")), SessionRecorder.defaultDirectory().toString());
        } finally {
            if (before == null) {
                System.clearProperty("runlens.sessions.dir");
            } else {
                System.setProperty("runlens.sessions.dir", before);
            }
        }
    }

    @Test
    void framesAndMetaLinesAreReadBackInOrder() throws Exception {
        Path file = dir.resolve("s.jsonl");
        try (SessionRecorder r = SessionRecorder.start(file, header())) {
            r.meta(Instant.parse("2026-11-22T10:00:00.100Z"), "subscribed", Map.of("stream_id", 0, "flow_run_id", "run-1"));
            r.frame(Instant.parse("2026-11-22T10:00:00.200Z"), "{\"stream_id\":0,\"event\":\"FlowStart\",\"data\":{\"time\":\"2026-11-22T10:00:00Z\"}}");
            r.frame(Instant.parse("2026-11-22T10:00:00.300Z"), "not json at all \"quoted\"\n");
        }
        List<String> seen = new ArrayList<>();
        LogReader.open(file).read(e -> {
            if (e instanceof LogEntry.Frame f) {
                seen.add("frame " + f.receivedAt() + " " + f.text());
            } else if (e instanceof LogEntry.Meta m) {
                seen.add("meta " + m.kind() + " " + m.fields().get("stream_id") + " " + m.fields().get("flow_run_id").asText());
            }
        });
        assertEquals(List.of("meta subscribed 0 run-1",
                "frame 2026-11-22T10:00:00.200Z {\"stream_id\":0,\"event\":\"FlowStart\",\"data\":{\"time\":\"2026-11-22T10:00:00Z\"}}",
                "frame 2026-11-22T10:00:00.300Z not json at all \"quoted\"\n"), seen);
    }

    @Test
    void linesReachTheFileWithoutClosing() throws Exception {
        Path file = dir.resolve("open.jsonl");
        SessionRecorder r = SessionRecorder.start(file, header());
        try {
            r.frame(Instant.now(), "{\"marker\":\"visible-before-close\"}");
            String text = "";
            for (int i = 0; i < 100 && !text.contains("visible-before-close"); i++) {
                Thread.sleep(20);
                text = Files.readString(file, StandardCharsets.UTF_8);
            }
            assertTrue(text.contains("visible-before-close"), "not flushed while open");
            assertTrue(text.startsWith("{\"runlens\":\"session-log\""));
        } finally {
            r.close();
            r.close();
        }
        r.frame(Instant.now(), "after close");
        assertTrue(!Files.readString(file).contains("after close"));
    }

    @Test
    void aWriterBehindByTheBoundHoldsTheCallerBackAndLosesNothing() throws Exception {
        Path file = dir.resolve("bounded.jsonl");
        long bound = 2_000;
        String text = "{\"stream_id\":1,\"pad\":\"" + "y".repeat(80) + "\"}";
        int frames = 20_000;
        long worst = 0;
        try (SessionRecorder r = SessionRecorder.start(file, header(), bound, SessionRecorder.CLOSE_TIMEOUT_MILLIS)) {
            for (int i = 0; i < frames; i++) {
                r.frame(Instant.ofEpochSecond(1_700_000_000L, i), text + i);
                worst = Math.max(worst, r.queuedChars());
            }
        }
        // One caller adds a frame only when at most the bound is queued: never more than one frame past it.
        assertTrue(worst <= bound + text.length() + SessionRecorder.ITEM_OVERHEAD + 5, "queued " + worst + " chars");
        List<String> seen = new ArrayList<>();
        LogReader.open(file).read(e -> {
            if (e instanceof LogEntry.Frame f) {
                seen.add(f.text());
            }
        });
        assertEquals(frames, seen.size());
        for (int i = 0; i < frames; i++) {
            assertEquals(text + i, seen.get(i));
        }
    }

    @Test
    void defaultDirectoryIsUnderTheUsersDataDirectory() {
        Path d = SessionRecorder.defaultDirectory();
        assertTrue(d.endsWith(Path.of("runlens", "sessions")), d::toString);
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        assertEquals(base.resolve("runlens").resolve("sessions"), d);
        assertTrue(SessionRecorder.defaultFile(Instant.parse("2026-11-22T10:00:00Z")).getFileName().toString()
                .startsWith("session-20261122-100000"));
    }
}
