package dev.runlens.compare;

import dev.runlens.history.UsualDuration;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class OverdueTest {
    private static final UsualDuration USUAL = new UsualDuration("n", 20, 100, 300);

    private static Run finishedRun() throws IOException {
        return RunComparatorTest.load("so-baseline.jsonl", RunComparatorTest.BASE).run();
    }

    @Test
    void aFinishedExecutionIsNeverOverdue() throws IOException {
        Execution e = finishedRun().executions().get(1);
        assertNull(Overdue.of(e, USUAL, e.startedAt().plusSeconds(60)));
    }

    @TempDir
    Path dir;

    @Test
    void aRunningExecutionIsOverduePastItsNinetyFifthPercentileOnly() throws IOException {
        // The first three frames of a run: its first execution got an output but no NodeFinish, so it still runs.
        Path part = dir.resolve("running.jsonl");
        Files.write(part, Files.readAllLines(RunComparatorTest.DIR.resolve("so-baseline.jsonl")).subList(0, 3));
        Run run = RecordingLoader.load(part, RunComparatorTest.BASE).orElseThrow().run();
        Execution e = run.executions().get(0);
        Instant start = e.startedAt();
        assertNull(Overdue.of(e, USUAL, start.plusMillis(300)));
        assertNull(Overdue.of(e, null, start.plusSeconds(60)));
        assertNull(Overdue.of(e, new UsualDuration("n", 0, 0, 0), start.plusSeconds(60)));
        Overdue late = Overdue.of(e, USUAL, start.plusMillis(310));
        assertNotNull(late);
        assertEquals("3.1× its usual time", late.text());
        assertEquals("Overdue: 3.1× its usual time (running 310.0ms; usual median 100.0ms, 95% within 300.0ms over 20 runs)", late.detail());
    }
}
