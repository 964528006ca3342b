package dev.runlens.ui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.inspector.InspectorLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The output of a run fetched over HTTP ({@code /flow/output}, recorded as a {@code final_output}
 * meta line) becomes the run's output: live in the window, in the summary, and on replay after a seek.
 */
class FetchedOutputTest {
    private static final String RUN = "r-1";
    private static final String VALUE = "{\"M\":{\"answer\":{\"U\":\"42\"},\"note\":{\"S\":\"done\"}}}";

    @TempDir
    Path dir;

    private static final String PLAIN = "{\"answer\":42,\"note\":\"done\"}";

    private static String plain() {
        return PLAIN;
    }

    private static String text(JsonNode output) {
        return output == null ? null : Json.compact(output);
    }

    private Path log() throws IOException {
        String run = "\"flow_run_id\":\"" + RUN + "\"";
        String start = "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{\"time\":\"2025-11-22T08:30:00Z\"," + run + "}}";
        String meta = "{\"at\":\"2025-11-22T08:31:00Z\",\"meta\":\"final_output\"," + run + ",\"output\":"
                + Json.compact(Json.nodes().textNode(VALUE)) + "}";
        List<String> lines = List.of(
                "{\"runlens\":\"session-log\",\"version\":1,\"protocol\":\"space-operator\"}",
                "{\"at\":\"2025-11-22T08:30:00Z\",\"frame\":" + Json.compact(Json.nodes().textNode(start)) + "}",
                "{\"at\":\"2025-11-22T08:30:30Z\",\"meta\":\"not_found\"," + run + "}",
                meta);
        Path p = dir.resolve("final-output.runlens.jsonl");
        Files.write(p, lines);
        return p;
    }

    @Test
    void theSummaryShowsTheFetchedOutput() throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(log());
        assertEquals(plain(), text(b.model().runs().get(0).output()));
    }

    @Test
    void replayRestoresItAfterASeek() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(log()).awaitDone()) {
            assertEquals(plain(), text(ReplayEngine.stateAt(index, index.size()).runs().get(0).output()));
            ReplayEngine engine = new ReplayEngine(index);
            RunModel atEnd = engine.seek(index.size());
            assertEquals(plain(), text(atEnd.runs().get(0).output()));
            RunModel before = engine.seek(index.size() - 1);
            assertNull(before.runs().get(0).output(), "not before its line");
        }
    }

    @Test
    void theWindowShowsItLiveAndFromTheLog() throws IOException {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Feed feed = bridge.newFeed("ws://127.0.0.1/ws", true);
        bridge.listener(feed).onFinalOutput(new RunRef(Source.SPACE_OPERATOR, RUN), VALUE);
        model.apply(bridge.drain(100));
        Run run = model.runs().get(0);
        assertEquals(plain(), text(run.output()));
        InspectorLoader.Content shown = InspectorLoader.withRunOutput(InspectorLoader.load(run.ref(), List.of()), run.output());
        assertEquals(InspectorLoader.FETCHED_OUTPUT, shown.outputs().get(0).label());
        assertEquals(plain(), text(shown.outputs().get(0).payload().json()));

        assertEquals(plain(), text(TestData.load(log()).runs().get(0).output()));
    }
}
