package dev.runlens.ui.bridge;

import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.rows.EventRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One pulse applies what arrived since the previous one as one batch, within its time budget;
 * whatever is left is taken by the next pulses, in order.
 */
class FxPumpTest {

    @Test
    void onePulseAppliesABurstAsOneBatch() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        List<Batch> batches = new ArrayList<>();
        model.addListener(batches::add);
        FxPump pump = new FxPump(bridge, model);
        Feed feed = bridge.newFeed("burst", true);
        FrameDecoder decoder = new FrameDecoder();
        int events = 30_000;
        send(bridge, feed, decoder, 0, "{\"stream_id\":0,\"event\":\"FlowStart\",\"data\":{\"time\":\"2024-01-01T00:00:00Z\",\"flow_run_id\":\"run-1\"}}");
        decoder.registerStream(0, "run-1");
        for (int i = 1; i < events; i++) {
            send(bridge, feed, decoder, i, "{\"stream_id\":0,\"event\":\"NodeStart\",\"data\":{\"time\":\"2024-01-01T00:00:01Z\","
                    + "\"flow_run_id\":\"run-1\",\"node_id\":\"n"
                    + (i % 50) + "\",\"times\":" + i + ",\"input\":{\"M\":{}}}}");
        }
        assertEquals(events, bridge.backlog());
        pump.drainOnce();
        assertEquals(0, bridge.backlog());
        assertEquals(1, batches.size());
        assertEquals(events, batches.get(0).runEvents());
        assertEquals(events, model.eventsApplied());
        assertEquals(events, model.track(model.runs().get(0).ref()).rows().size());
    }

    @Test
    void aBacklogBeyondOnePulsesShareIsTakenByTheNextPulsesInOrder() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        FxPump pump = new FxPump(bridge, model);
        Feed feed = bridge.newFeed("stall", true);
        FrameDecoder decoder = new FrameDecoder();
        decoder.registerStream(0, "run-2");
        int events = FxPump.MAX_PER_PULSE + 10;
        for (int i = 0; i < events; i++) {
            send(bridge, feed, decoder, i, "{\"stream_id\":0,\"event\":\"NodeLog\",\"data\":{\"time\":\"2024-01-01T00:00:01Z\","
                    + "\"flow_run_id\":\"run-2\",\"node_id\":\"n\","
                    + "\"times\":0,\"level\":\"info\",\"content\":\"line " + i + "\"}}");
        }
        pump.drainOnce();
        assertEquals(10, bridge.backlog());
        pump.drainOnce();
        assertEquals(0, bridge.backlog());
        List<EventRow> rows = model.track(model.runs().get(0).ref()).rows();
        assertEquals(events, rows.size());
        for (int i = 0; i < events; i += 997) {
            assertEquals(i, rows.get(i).sequence());
        }
    }

    @Test
    void aPulseOutOfTimeStillTakesOneChunkAndLeavesTheRestInOrderForTheNextPulses() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        List<Batch> batches = new ArrayList<>();
        model.addListener(batches::add);
        FxPump pump = new FxPump(bridge, model);
        Feed feed = bridge.newFeed("cold", true);
        FrameDecoder decoder = new FrameDecoder();
        decoder.registerStream(0, "run-3");
        int events = DashboardModel.CHUNK * 3 + 5;
        for (int i = 0; i < events; i++) {
            send(bridge, feed, decoder, i, "{\"stream_id\":0,\"event\":\"NodeLog\",\"data\":{\"time\":\"2024-01-01T00:00:01Z\","
                    + "\"flow_run_id\":\"run-3\",\"node_id\":\"n\","
                    + "\"times\":0,\"level\":\"info\",\"content\":\"line " + i + "\"}}");
        }
        // A budget already spent: each pulse takes exactly one chunk, as one batch.
        for (int pulse = 1; pulse <= 3; pulse++) {
            pump.drainWithin(-1);
            assertEquals(events - pulse * DashboardModel.CHUNK, bridge.backlog());
            assertEquals(pulse, batches.size());
            assertEquals(DashboardModel.CHUNK, batches.get(pulse - 1).runEvents());
        }
        // A budget with time left takes the rest.
        pump.drainWithin(60_000_000_000L);
        assertEquals(0, bridge.backlog());
        assertEquals(5, batches.get(3).runEvents());
        List<EventRow> rows = model.track(model.runs().get(0).ref()).rows();
        assertEquals(events, rows.size());
        for (int i = 0; i < events; i++) {
            assertEquals(i, rows.get(i).sequence());
        }
    }

    private static void send(FrameBridge bridge, Feed feed, FrameDecoder decoder, long seq, String text) {
        bridge.frame(feed, new ReceivedFrame(seq, Instant.EPOCH.plusMillis(seq), text, decoder.decode(text), -1));
    }
}
