package dev.runlens.replay;

import dev.runlens.log.LogEntry;
import dev.runlens.model.Run;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesTheRequestedNumberOfValidFramesDeterministically() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        LogGenerator.write(a, 50_000, 9);
        LogGenerator.write(b, 50_000, 9);
        LogGenerator.write(c, 50_000, 10);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        long frames = ScratchModels.entries(a).stream().filter(e -> e instanceof LogEntry.Frame).count();
        assertEquals(50_000, frames);

        SummaryBuilder summary = new SummaryBuilder();
        summary.add(a);
        assertEquals(0, summary.stats().malformed() + summary.stats().invalid());
        assertEquals(50_000, summary.model().applied());
        assertTrue(summary.model().runs().size() >= 2);
        Run first = summary.model().runs().get(0);
        assertTrue(first.terminal(), "the first run finished");
        assertTrue(first.executions().stream().anyMatch(e -> e.times() > 10), "a loop ran many times");
        assertTrue(summary.model().runs().stream().anyMatch(r -> r.failedExecutions() > 0), "some executions failed");
        double bytesPerEvent = (double) Files.size(a) / 50_000;
        assertTrue(bytesPerEvent > 250 && bytesPerEvent < 450, "about 300 bytes per event: " + bytesPerEvent);
    }

    @Test
    void aTinyLogHoldsOneRunStarted() throws Exception {
        Path tiny = dir.resolve("tiny.jsonl");
        LogGenerator.write(tiny, 50, 1);
        SummaryBuilder summary = new SummaryBuilder();
        summary.add(tiny);
        assertEquals(50, summary.model().applied());
        assertEquals(1, summary.model().runs().size());
    }
}
