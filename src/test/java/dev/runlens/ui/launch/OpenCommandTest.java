package dev.runlens.ui.launch;

import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.ui.replay.Pace;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenCommandTest {
    private static OpenCommand parsed(String... args) {
        OpenCommand command = new OpenCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void parsesFilesSpeedAndExitOptions() {
        OpenCommand o = parsed("a.jsonl", "--speed", "2", "b.har", "--exit-when-finished", "--stats-out", "s.json");
        assertEquals(List.of(Path.of("a.jsonl"), Path.of("b.har")), o.files);
        assertEquals(new Pace(2, false), o.pace);
        assertTrue(o.exitWhenFinished);
        assertEquals(Path.of("s.json"), o.statsOut);
        assertEquals(Pace.MAX, parsed("a").pace);
        assertEquals(new Pace(1, false), parsed("a", "--speed", "realtime").pace);
        assertEquals(new Pace(0.25, false), parsed("a", "--speed", "0.25x").pace);
        assertTrue(parsed("--help").helpRequested());
    }

    @Test
    void badUsageIsRefusedWithAReason() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCodes.USAGE, CommandLines.execute(new OpenCommand(), new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).strip().endsWith(": no file to open"), err.toString());
        assertEquals("--speed must be between 0.25 and 16, not 32",
                CommandLines.sentence(assertThrows(ParameterException.class, () -> parsed("a", "--speed", "32"))));
        assertThrows(ParameterException.class, () -> parsed("a", "--speed", "fast"));
        assertThrows(ParameterException.class, () -> parsed("a", "--bogus"));
    }

    /** Runs {@code open} on {@code file}; returns stderr after checking the status is 2 and stdout empty. */
    private static String refused(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLines.execute(new OpenCommand(), new String[] {file.toString()}, new PrintStream(out), new PrintStream(err));
        assertEquals(ExitCodes.USAGE, status, err.toString());
        assertEquals("", out.toString());
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), "one sentence: " + text);
        assertTrue(text.startsWith("runlens open: "), text);
        return text;
    }

    @Test
    void aFileThatCannotBeOpenedExitsWithStatus2AndOneSentence(@TempDir Path dir) throws Exception {
        assertTrue(refused(dir.resolve("missing.jsonl")).contains("missing.jsonl: no such file"));
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertTrue(refused(empty).contains("empty.jsonl"));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Dear operator,\nthis is not a log at all.\n");
        assertTrue(refused(notes).contains("notes.txt"));
        assertTrue(refused(dir).contains("is a directory"));
        Path badGzip = Files.write(dir.resolve("cut.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertTrue(refused(badGzip).contains("cut.jsonl.gz"));
    }

    @Test
    void aReadableLogIsNotRefusedBeforeTheWindowOpens(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("ok.jsonl");
        dev.runlens.replay.LogGenerator.write(log, 50, 1);
        assertNull(OpenCommand.unopenable(log));
    }
}
