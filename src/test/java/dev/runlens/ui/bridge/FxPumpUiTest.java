package dev.runlens.ui.bridge;

import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ReceivedFrame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Work handed to the next pulse waits for it, and never waits for a pulse that is not coming. */
@ExtendWith(ApplicationExtension.class)
class FxPumpUiTest {

    @Test
    void workForTheNextPulseWaitsForItAndRunsAtOnceWhenNoPulseIsComing() throws Exception {
        List<String> done = WaitForAsyncUtils.asyncFx(() -> {
            // All on the FX thread in one go, so no real pulse runs in between the calls below.
            FxPump pump = new FxPump(new FrameBridge(new SpillFile()), new DashboardModel());
            List<String> d = new ArrayList<>();
            pump.nextPulse(() -> d.add("stopped"));
            assertEquals(List.of("stopped"), d);
            pump.start();
            pump.nextPulse(() -> {
                d.add("first");
                pump.nextPulse(() -> d.add("second"));
            });
            assertEquals(List.of("stopped"), d);
            pump.handle(1_000_000_000L);
            assertEquals(List.of("stopped", "first"), d, "scheduled during a pulse: waits for the next one");
            pump.handle(1_016_000_000L);
            assertEquals(List.of("stopped", "first", "second"), d);
            pump.nextPulse(() -> d.add("pending"));
            pump.stop();
            return d;
        }).get();
        assertEquals(List.of("stopped", "first", "second", "pending"), done, "stopping runs what waited");
    }

    @Test
    void theFirstPulsesAfterTheWindowShowsApplyNothingAndTheNextTakesWhatWaited() throws Exception {
        int[] applied = WaitForAsyncUtils.asyncFx(() -> {
            FrameBridge bridge = new FrameBridge(new SpillFile());
            DashboardModel model = new DashboardModel();
            FxPump pump = new FxPump(bridge, model);
            Feed feed = bridge.newFeed("early", true);
            FrameDecoder decoder = new FrameDecoder();
            String start = "{\"stream_id\":0,\"event\":\"FlowStart\",\"data\":{\"time\":\"2024-01-01T00:00:00Z\",\"flow_run_id\":\"run-1\"}}";
            bridge.frame(feed, new ReceivedFrame(0, Instant.EPOCH, start, decoder.decode(start), -1));
            int[] seen = new int[FxPump.QUIET_PULSES + 1];
            pump.start();
            long now = 1_000_000_000L;
            for (int i = 0; i < seen.length; i++) {
                pump.handle(now + i * 16_000_000L);
                seen[i] = (int) model.eventsApplied();
            }
            pump.stop();
            return seen;
        }).get();
        for (int i = 0; i < FxPump.QUIET_PULSES; i++) {
            assertEquals(0, applied[i], "pulse " + (i + 1) + " after showing applies nothing");
        }
        assertEquals(1, applied[FxPump.QUIET_PULSES]);
    }
}
