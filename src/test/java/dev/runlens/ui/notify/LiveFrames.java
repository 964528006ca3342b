package dev.runlens.ui.notify;

import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.dashboard.Feed;

import java.time.Instant;
import java.util.List;

/** Space Operator frames handed to the bridge as a live connection hands them: decoded, stamped, in order. */
final class LiveFrames {
    private static final String NODE = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":0";
    private final FrameBridge bridge;
    private final Feed feed;
    private final FrameDecoder decoder = new FrameDecoder();
    private long sequence;

    LiveFrames(FrameBridge bridge, Feed feed) {
        this.bridge = bridge;
        this.feed = feed;
    }

    /** A run with one execution that succeeds. */
    void finished(String runId) {
        send(TestData.v2Run(runId, 0, true));
    }

    /** A run whose one execution fails with {@code error}. */
    void failed(String runId, String error) {
        String t = "\"time\":\"2025-11-22T08:30:00.";
        send(List.of(TestData.v2(runId, "FlowStart", t + "000Z\""),
                TestData.v2(runId, "NodeStart", t + "010Z\"," + NODE + ",\"input\":{\"M\":{}}"),
                TestData.v2(runId, "NodeError", t + "020Z\"," + NODE + ",\"error\":\"" + error + "\""),
                TestData.v2(runId, "FlowFinish", t + "030Z\",\"not_run\":[],\"output\":{\"M\":{}}")));
    }

    private void send(List<String> lines) {
        for (String text : lines) {
            bridge.frame(feed, new ReceivedFrame(sequence++, Instant.now(), text, decoder.decode(text), -1));
        }
    }
}
