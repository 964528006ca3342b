package dev.runlens.cli;

import dev.runlens.Fixtures;
import dev.runlens.Main;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogFormat;
import dev.runlens.log.SessionRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An output that is also an input is refused with one sentence, and the input stays as it was. */
class ExportOverInputTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "summary", "csv"})
    void exportOutOverItsOwnInputIsRefusedAndTheInputKept(String format) throws Exception {
        Path log = dir.resolve("run.jsonl");
        Files.copy(Fixtures.log("lyzr-docs-sample"), log);
        byte[] before = Files.readAllBytes(log);
        assertEquals(2, run("export", "--format", format, "--out", log.toString(), log.toString()));
        assertArrayEquals(before, Files.readAllBytes(log));
        assertEquals("runlens export: " + log + " is also an input (" + log + "): writing it would destroy what is being read,"
                + " so nothing was written; choose another file\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anotherNameForTheInputIsTheSameFile() throws Exception {
        Path log = dir.resolve("run.jsonl");
        Files.copy(Fixtures.log("lyzr-docs-sample"), log);
        byte[] before = Files.readAllBytes(log);
        Path link = Files.createSymbolicLink(dir.resolve("alias.jsonl"), log);
        Path hard = Files.createLink(dir.resolve("hard.jsonl"), log);
        Files.createDirectories(dir.resolve("sub"));
        String dotted = dir.resolve("sub").resolve("..").resolve("run.jsonl").toString();
        assertEquals(2, run("export", "--out", link.toString(), log.toString()));
        assertEquals(2, run("export", "--out", hard.toString(), log.toString()));
        assertEquals(2, run("export", "--redact", "--out", dotted, Fixtures.log("space-operator-v1-docs-sample").toString(), log.toString()));
        assertArrayEquals(before, Files.readAllBytes(log));
        assertEquals(3, err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("is also an input")).count());
        assertEquals(0, run("export", "--out", dir.resolve("copy.jsonl").toString(), log.toString()), "another file is fine");
    }

    @Test
    void aLogBeingRecordedCannotBeWrittenOver() throws Exception {
        Path recording = dir.resolve("live.jsonl");
        try (SessionRecorder r = SessionRecorder.start(recording, new SessionHeader(SessionLogFormat.VERSION, "space-operator",
                "ws://127.0.0.1:1/ws", Instant.now(), "test"))) {
            r.frame(Instant.now(), "{\"kept\":true}");
            assertEquals(2, run("export", "--out", recording.toString(), Fixtures.log("lyzr-docs-sample").toString()));
        }
        assertTrue(Files.readString(recording).contains("{\\\"kept\\\":true}"), "the recording keeps its frame");
        assertEquals(0, run("export", "--out", recording.toString(), Fixtures.log("lyzr-docs-sample").toString()),
                "once the recording is closed, the file is free");
    }
}
