package dev.runlens.ui.bridge;

import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A producer faster than the FX side is held back by the bridge's bound; nothing is dropped or reordered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrameBridgeBoundTest {
    private static final String TEXT = "{\"stream_id\":1,\"event\":\"NodeLog\",\"pad\":\"" + "p".repeat(200) + "\"}";

    @Test
    void aFirehoseWaitsForTheDrainInsteadOfGrowingTheQueue() throws Exception {
        long bound = 100 * (FrameBridge.ITEM_WEIGHT + TEXT.length());
        FrameBridge bridge = new FrameBridge(new SpillFile(), bound);
        bridge.draining(true);
        Feed feed = bridge.newFeed("firehose", true);
        int frames = 20_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                bridge.frame(feed, new ReceivedFrame(i, Instant.EPOCH, TEXT, null, -1));
            }
        }, "firehose");
        producer.start();
        Thread.sleep(300);
        // Nothing drained yet: the producer must be waiting with about the bound queued, not 20,000 items.
        assertTrue(producer.isAlive(), "the producer queued all 20,000 frames without waiting");
        assertTrue(bridge.weight() <= bound + FrameBridge.weightOf(item(bridge, feed)), "weight " + bridge.weight());
        assertTrue(bridge.backlog() < 150, "backlog " + bridge.backlog());
        List<Long> seen = new ArrayList<>();
        while (producer.isAlive() || bridge.backlog() > 0) {
            for (FeedItem i : bridge.drain(50)) {
                seen.add(((FeedItem.FrameItem) i).sequence());
            }
            Thread.sleep(0, 100_000);
        }
        assertEquals(frames, seen.size(), "every frame reaches the FX side");
        for (int i = 0; i < frames; i++) {
            assertEquals(i, seen.get(i));
        }
        assertTrue(bridge.heldBack() > 0);
    }

    @Test
    void nobodyWaitsWhileThePumpIsStopped() {
        FrameBridge bridge = new FrameBridge(new SpillFile(), 1_000);
        Feed feed = bridge.newFeed("hidden", true);
        for (int i = 0; i < 5_000; i++) {
            bridge.frame(feed, new ReceivedFrame(i, Instant.EPOCH, TEXT, null, -1));
        }
        assertEquals(5_000, bridge.backlog());
        assertEquals(0, bridge.heldBack());
    }

    @Test
    void aStalledDrainHoldsAProducerBackAtMostASecondPerItem() {
        FrameBridge bridge = new FrameBridge(new SpillFile(), 1_000);
        bridge.draining(true);
        Feed feed = bridge.newFeed("stalled", true);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            bridge.frame(feed, new ReceivedFrame(i, Instant.EPOCH, TEXT, null, -1));
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(4, bridge.backlog(), "held back, never dropped");
        assertTrue(ms >= 1_000 && ms < 4_500, ms + " ms");
    }

    @Test
    void theWindowsBoundHoldsUnderASecondOfAFirehoseButSeveralPulses() {
        // A firehose frame of 300 chars with its summary: 20,000 a second, about 333 a pulse.
        long perItem = FrameBridge.ITEM_WEIGHT + 300 + 40;
        long items = FrameBridge.MAX_WEIGHT / perItem;
        assertTrue(items < 20_000, "at most a second of 20,000 events/s stays queued (every young collection copies it): " + items);
        assertTrue(items > 4 * 333, "several pulses' worth, so a short stall does not hold the socket back at once: " + items);
    }

    private static FeedItem item(FrameBridge bridge, Feed feed) {
        return new FeedItem.FrameItem(feed, 0, Instant.EPOCH, null, new dev.runlens.ui.rows.FrameRef.Inline(TEXT), "x".repeat(80));
    }
}
