package dev.runlens.ui.app;

import dev.runlens.cli.ExitCodes;
import dev.runlens.ui.replay.Pace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenCommandTest {
    @Test
    void parsesFilesSpeedAndExitOptions() {
        OpenCommand.Options o = OpenCommand.parse(List.of("a.jsonl", "--speed", "2", "b.har", "--exit-when-finished",
                "--stats-out", "s.json"));
        assertEquals(List.of(Path.of("a.jsonl"), Path.of("b.har")), o.files());
        assertEquals(new Pace(2, false), o.pace());
        assertTrue(o.exitWhenFinished());
        assertEquals(Path.of("s.json"), o.statsOut());
        assertEquals(Pace.MAX, OpenCommand.parse(List.of("a")).pace());
        assertEquals(new Pace(1, false), OpenCommand.parse(List.of("a", "--speed", "realtime")).pace());
        assertEquals(new Pace(0.25, false), OpenCommand.parse(List.of("a", "--speed", "0.25x")).pace());
        assertNull(OpenCommand.parse(List.of("--help")));
    }

    @Test
    void badUsageIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> OpenCommand.parse(List.of()));
        assertEquals("--speed must be between 0.25 and 16, not 32",
                assertThrows(IllegalArgumentException.class, () -> OpenCommand.parse(List.of("a", "--speed", "32"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenCommand.parse(List.of("a", "--speed", "fast")));
        assertThrows(IllegalArgumentException.class, () -> OpenCommand.parse(List.of("a", "--bogus")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new OpenCommand().run(List.of("/no/such/file.jsonl"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(ExitCodes.NOT_FOUND, status);
        assertTrue(err.toString().contains("no such file"), err.toString());
    }
}
