package dev.runlens.ui.dashboard;

import dev.runlens.json.Json;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Space Operator run that went quiet without FlowFinish and that {@code /flow/output} said was
 * over (a {@code quiet_end} meta line) ends: live in the window, in the summary and on replay.
 * Without the line, the same log leaves the run running.
 */
class QuietEndTest {
    private static final String RUN = "r-quiet";

    @TempDir
    Path dir;

    private Path log(boolean withQuietEnd) throws IOException {
        String run = "\"flow_run_id\":\"" + RUN + "\"";
        String start = "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{\"time\":\"2025-11-22T08:30:00Z\"," + run + "}}";
        List<String> lines = new java.util.ArrayList<>(List.of(
                "{\"runlens\":\"session-log\",\"version\":1,\"protocol\":\"space-operator\"}",
                "{\"at\":\"2025-11-22T08:30:00Z\",\"frame\":" + Json.compact(Json.nodes().textNode(start)) + "}"));
        if (withQuietEnd) {
            lines.add("{\"at\":\"2025-11-22T08:36:00Z\",\"meta\":\"quiet_end\"," + run + ",\"quiet_s\":360}");
        }
        Path p = dir.resolve(withQuietEnd ? "quiet.jsonl" : "open.jsonl");
        Files.write(p, lines);
        return p;
    }

    @Test
    void theSummaryEndsTheRunAtItsLine() throws IOException {
        SummaryBuilder ended = new SummaryBuilder();
        ended.add(log(true));
        Run run = ended.model().runs().get(0);
        assertTrue(run.terminal());
        assertEquals(RunStatus.SUCCEEDED, run.status());
        SummaryBuilder open = new SummaryBuilder();
        open.add(log(false));
        assertFalse(open.model().runs().get(0).terminal());
    }

    @Test
    void replayEndsItAtItsLineAfterASeek() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(log(true)).awaitDone()) {
            ReplayEngine engine = new ReplayEngine(index);
            assertTrue(engine.seek(index.size()).runs().get(0).terminal());
            assertFalse(engine.seek(index.size() - 1).runs().get(0).terminal(), "not before its line");
        }
    }

    @Test
    void theWindowEndsItLiveAndFromTheLog() throws IOException {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Feed feed = bridge.newFeed("ws://127.0.0.1/ws", true);
        RunRef ref = new RunRef(Source.SPACE_OPERATOR, RUN);
        bridge.listener(feed).onEndedWithoutFinish(ref);
        model.apply(bridge.drain(100));
        assertTrue(model.runs().get(0).terminal());

        assertTrue(TestData.load(log(true)).runs().get(0).terminal());
        assertFalse(TestData.load(log(false)).runs().get(0).terminal());
    }
}
