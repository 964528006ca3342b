package dev.runlens.ui.dashboard;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.FileFeed;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.PulseStats;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.FrameRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardModelTest {

    @Test
    void failedFixtureBuildsTheRunItsEventLogAndItsErrors() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        Run run = model.runs().get(0);
        assertEquals(RunStatus.FAILED, run.status());
        TrackedRun track = model.track(run.ref());
        assertEquals(10, track.rows().size());
        List<String> messages = model.errors().stream().map(ErrorEntry::message).toList();
        assertEquals(3, messages.size());
        assertTrue(messages.get(0).startsWith("insufficient funds"));
        assertEquals(ErrorKind.FLOW_ERROR, model.errors().get(2).kind());
        assertEquals(2, track.rows(run.firstFailedExecution()).stream().filter(r -> r.kind().equals("NodeError")).count());
    }

    @Test
    void oneBatchPerApplyAndEndedRunsReported() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        List<Batch> fired = new ArrayList<>();
        model.addListener(fired::add);
        Feed feed = bridge.newFeed("f", false);
        FileFeed.read(TestData.fixture("space-operator-v2-failed-run"), bridge, feed);
        assertEquals(10, bridge.backlog());
        model.apply(bridge.drain(4));
        model.apply(bridge.drain(100));
        assertEquals(2, fired.size());
        assertEquals(4, fired.get(0).runEvents());
        assertEquals(6, fired.get(1).runEvents());
        assertTrue(fired.get(0).endedRuns().isEmpty());
        assertEquals(1, fired.get(1).endedRuns().size());
        assertEquals(10, model.eventsApplied());
        assertEquals(0, bridge.backlog());
    }

    @Test
    void protocolProblemsBecomeErrorsWithoutARun() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Feed feed = bridge.newFeed("ws://127.0.0.1/ws", true);
        FrameDecoder decoder = new FrameDecoder();
        bridge.frame(feed, new ReceivedFrame(0, Instant.now(), "{not json", decoder.decode("{not json"), -1));
        bridge.state(feed, ConnectionState.TOKEN_REFUSED, "the server refused the token");
        bridge.state(feed, ConnectionState.RECONNECTING, "connection lost, reconnecting in 1 s");
        model.apply(bridge.drain(100));
        List<ErrorKind> kinds = model.errors().stream().map(ErrorEntry::kind).toList();
        assertEquals(List.of(ErrorKind.MALFORMED_FRAME, ErrorKind.TOKEN_REFUSED, ErrorKind.CONNECTION_LOST), kinds);
        assertNull(model.errors().get(0).run());
        assertEquals(ConnectionState.RECONNECTING, model.feedStatus(feed).state());
        assertTrue(model.runs().isEmpty());
    }

    @Test
    void bigFramesAreSpilledAndReadBackExactly() {
        SpillFile store = new SpillFile(100);
        String small = "x".repeat(100);
        String big = "{\"é\":\"" + "y".repeat(5000) + "\"}";
        FrameRef a = store.put(small);
        FrameRef b = store.put(big);
        FrameRef c = store.put(big + big);
        assertTrue(a instanceof FrameRef.Inline);
        assertTrue(b instanceof FrameRef.InFile);
        assertEquals(small, SpillFile.load(a));
        assertEquals(big, SpillFile.load(b));
        assertEquals(big + big, SpillFile.load(c));
        assertEquals(big.length(), b.length());
        store.close();
    }

    @Test
    void pulseStatsGivePercentilesOfGaps() {
        PulseStats s = new PulseStats();
        long t = 0;
        for (int i = 0; i < 100; i++) {
            s.pulse(t, i);
            t += (i == 50 ? 100 : 16) * 1_000_000L;
        }
        assertEquals(100, s.pulses());
        assertEquals(16.0, s.percentile(50), 1e-9);
        assertEquals(100.0, s.max(), 1e-9);
        assertEquals(99, s.maxBacklog());
    }

    @Test
    void aTwentyMegabyteOutputIsSummarizedWithoutParsingAndKept() {
        String big = "q".repeat(20_000_000);
        String text = dev.runlens.ui.TestData.v2("run-20mb", "NodeOutput", "\"time\":\"2025-11-22T08:30:00.000Z\","
                + "\"node_id\":\"11111111-1111-4111-8111-111111111111\",\"times\":0,\"output\":{\"M\":{\"blob\":{\"S\":\"" + big + "\"}}}");
        SpillFile store = new SpillFile();
        FrameBridge bridge = new FrameBridge(store);
        DashboardModel model = new DashboardModel();
        Feed feed = bridge.newFeed("live", true);
        bridge.frame(feed, new ReceivedFrame(0, Instant.now(), text, new FrameDecoder().decode(text), -1));
        model.apply(bridge.drain(10));
        EventRow row = model.track(model.runs().get(0).ref()).rows().get(0);
        assertEquals("NodeOutput with a payload of 20.0 MB", row.summary());
        assertTrue(row.frame() instanceof FrameRef.InFile, "spilled out of the heap");
        assertEquals(text, SpillFile.load(row.frame()));
        store.close();
    }

    @Test
    void reconciledLyzrRunFromALogAndFromALiveListenerEndsWithItsTasksSucceeded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path log = dir.resolve("lyzr.jsonl");
        Instant at = Instant.parse("2026-01-01T00:00:05Z");
        try (dev.runlens.log.SessionLogWriter w = new dev.runlens.log.SessionLogWriter(log,
                new dev.runlens.log.SessionHeader(1, "lyzr", "ws://127.0.0.1:1/ws/F/r", at, "test"))) {
            w.writeFrame(at, "{\"event_type\":\"task_started\",\"flow_name\":\"F\",\"run_name\":\"r\",\"task_name\":\"fetch\",\"timestamp\":1767225601}");
            w.writeMeta(at, dev.runlens.log.SessionMeta.RECONCILED, java.util.Map.of("source", "lyzr", "run_id", "F/r", "task_id", "t-1",
                    "status", "completed", "results", dev.runlens.json.Json.parse("{\"fetch\":{\"rows\":3},\"store\":\"ok\"}")));
        }
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        List<Batch> fired = new ArrayList<>();
        model.addListener(fired::add);
        FileFeed.read(log, bridge, bridge.newFeed("log", false));
        model.apply(bridge.drain(100));
        Run run = model.runs().get(0);
        assertEquals("F/r", run.ref().runId());
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(List.of("fetch", "store"), run.reconciled());
        assertEquals(1, fired.get(0).endedRuns().size());

        DashboardModel live = new DashboardModel();
        bridge.listener(bridge.newFeed("ws://127.0.0.1/ws/F/r2", true)).onReconciled(dev.runlens.protocol.RunRef.lyzr("F", "r2"),
                "failed", java.util.Map.of("fetch", dev.runlens.json.Json.nodes().textNode("x")));
        live.apply(bridge.drain(100));
        assertEquals(RunStatus.FAILED, live.runs().get(0).status());
        assertEquals(List.of("fetch"), live.runs().get(0).reconciled());
    }

    @Test
    void interleavedLiveRunsReadBackTheirOwnFrameTextsFromTheSharedArena() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Feed feed = bridge.newFeed("live", true);
        FrameDecoder decoder = new FrameDecoder();
        List<String> sent = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < 200; i++) {
            for (String run : List.of("run-a", "run-b", "run-c")) {
                String text = TestData.v2(run, "FlowLog", "\"time\":\"2025-11-22T08:30:00.000Z\",\"level\":\"info\",\"content\":\""
                        + run + " line " + i + "\"");
                sent.add(text);
                bridge.frame(feed, new ReceivedFrame(seq++, Instant.now(), text, decoder.decode(text), -1));
            }
        }
        model.apply(bridge.drain(Integer.MAX_VALUE));
        for (String run : List.of("run-a", "run-b", "run-c")) {
            List<EventRow> rows = model.track(new dev.runlens.protocol.RunRef(dev.runlens.protocol.Source.SPACE_OPERATOR, run)).rows();
            assertEquals(200, rows.size());
            for (int i = 0; i < 200; i++) {
                String text = ((FrameRef.Inline) rows.get(i).frame()).text();
                assertTrue(text.contains(run + " line " + i + "\""), run + " row " + i + " reads back its own frame: " + text);
            }
        }
    }
}
