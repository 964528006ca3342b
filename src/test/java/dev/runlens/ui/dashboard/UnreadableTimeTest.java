package dev.runlens.ui.dashboard;

import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.model.RunStatus;
import dev.runlens.replay.MalformedEntry;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.ui.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event whose fields are sound except its time is applied with the time unknown and the problem
 * listed: a FlowFinish with an unreadable time still ends its run. The summary, the window and the
 * replay index agree.
 */
class UnreadableTimeTest {
    private static final String PROBLEM = "FlowFinish with time \"half past ten\" that is not RFC 3339; applied without a time";
    private static final String LYZR_PROBLEM = "flow_completed with a \"timestamp\" out of range; applied without a time";

    @TempDir
    Path dir;

    private Path log() throws IOException {
        String run = "\"flow_run_id\":\"r-1\"";
        List<String> lines = List.of(
                "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{\"time\":\"2025-11-22T08:30:00Z\"," + run + "}}",
                "{\"stream_id\":1,\"event\":\"NodeStart\",\"data\":{\"time\":\"2025-11-22T08:30:01Z\",\"node_id\":\"n\",\"times\":0," + run + "}}",
                "{\"stream_id\":1,\"event\":\"NodeFinish\",\"data\":{\"time\":\"2025-11-22T08:30:02Z\",\"node_id\":\"n\",\"times\":0," + run + "}}",
                "{\"stream_id\":1,\"event\":\"FlowFinish\",\"data\":{\"time\":\"half past ten\",\"output\":{\"M\":{}}," + run + "}}",
                "{\"event_type\":\"flow_started\",\"flow_name\":\"F\",\"run_name\":\"x\",\"timestamp\":1756806125.5}",
                "{\"event_type\":\"flow_completed\",\"flow_name\":\"F\",\"run_name\":\"x\",\"timestamp\":1e400000000,\"output\":{}}");
        Path p = dir.resolve("bad-time.jsonl");
        Files.write(p, lines);
        return p;
    }

    private static void assertEnded(List<Run> runs) {
        assertEquals(2, runs.size());
        for (Run r : runs) {
            assertTrue(r.terminal(), r.ref() + " ended");
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.ref().toString());
            assertNull(r.finishedAt(), "the finish time is unknown");
        }
        assertEquals(4, runs.get(0).events());
    }

    @Test
    void summaryEndsTheRunAndListsTheProblem() throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(log());
        assertEnded(b.model().runs());
        assertEquals(List.of("frame 4: " + PROBLEM, "frame 6: " + LYZR_PROBLEM), b.problems());
        assertEquals(0, b.stats().malformed() + b.stats().invalid());
    }

    @Test
    void theWindowEndsTheRunAndShowsTheProblemInTheErrorPanel() throws IOException {
        DashboardModel model = TestData.load(log());
        assertEnded(model.runs());
        List<ErrorEntry> errors = model.errors();
        assertEquals(List.of(PROBLEM, LYZR_PROBLEM), errors.stream().map(ErrorEntry::message).toList());
        assertEquals(ErrorKind.MALFORMED_FRAME, errors.get(0).kind());
        assertEquals(model.runs().get(0).ref(), errors.get(0).run());
    }

    @Test
    void replayEndsTheRunAndListsTheProblem() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(log()).awaitDone()) {
            RunModel end = ReplayEngine.stateAt(index, index.size());
            assertEnded(end.runs());
            assertEquals(List.of(PROBLEM, LYZR_PROBLEM), index.malformed().stream().map(MalformedEntry::reason).toList());
            RunModel before = ReplayEngine.stateAt(index, 3);
            assertTrue(!before.runs().get(0).terminal());
        }
    }
}
