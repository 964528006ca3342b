package dev.runlens.ui.bridge;

import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedItem;
import dev.runlens.ui.rows.FrameRef;
import dev.runlens.ui.rows.FrameSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way into the FX thread. Producers (network threads, file readers) call {@link #frame}
 * and friends, which prepare the item off the FX thread (summary line, big texts spilled) and
 * return at once: the queue is unbounded, so nothing received is ever dropped, and no producer
 * ever waits for the FX thread. The FX side drains it once per pulse ({@link FxPump}).
 */
public final class FrameBridge {
    private final ConcurrentLinkedQueue<FeedItem> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private volatile long lastEnqueueNanos;
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger nextFeed = new AtomicInteger(1);
    private final SpillFile store;

    public FrameBridge(SpillFile store) {
        this.store = store;
    }

    public Feed newFeed(String label, boolean live) {
        return new Feed(nextFeed.getAndIncrement(), label, live);
    }

    public void frame(Feed feed, ReceivedFrame frame) {
        FrameRef ref = store.put(frame.text());
        String summary = FrameSummary.of(frame.event(), frame.text() == null ? 0 : frame.text().length());
        Instant at = frame.receivedAt() != null ? frame.receivedAt() : Instant.now();
        enqueue(new FeedItem.FrameItem(feed, frame.sequence(), at, frame.event(), ref, summary));
        received.incrementAndGet();
    }

    /**
     * A frame whose text stays where it already is (an entry of an opened log): the row keeps
     * {@code ref}, not the text, and reads it back when inspected.
     */
    public void frame(Feed feed, ReceivedFrame frame, FrameRef ref) {
        String summary = FrameSummary.of(frame.event(), ref.length());
        Instant at = frame.receivedAt() != null ? frame.receivedAt() : Instant.now();
        enqueue(new FeedItem.FrameItem(feed, frame.sequence(), at, frame.event(), ref, summary));
        received.incrementAndGet();
    }

    public void state(Feed feed, ConnectionState state, String message) {
        enqueue(new FeedItem.StateItem(feed, Instant.now(), state, message));
    }

    public void gap(Feed feed, RunRef run, Gap gap) {
        enqueue(new FeedItem.GapItem(feed, run, gap));
    }

    /** {@code fields}: source, run_id, status, results, as a {@code reconciled} meta line holds them. */
    public void reconciled(Feed feed, Instant at, RunRef run, com.fasterxml.jackson.databind.JsonNode fields) {
        enqueue(new FeedItem.ReconciledItem(feed, at, run, fields));
    }

    public void problem(Feed feed, String message) {
        enqueue(new FeedItem.ProblemItem(feed, Instant.now(), message));
    }

    /** A fault of Runlens itself, for the error panel (from any thread, like everything else here). */
    public void fault(String message) {
        enqueue(new FeedItem.FaultItem(null, Instant.now(), message));
    }

    /** A listener that feeds this bridge, for a live connection. */
    public ConnectionListener listener(Feed feed) {
        return new ConnectionListener() {
            @Override
            public void onFrame(ReceivedFrame frame) {
                frame(feed, frame);
            }

            @Override
            public void onState(ConnectionState state, String message) {
                state(feed, state, message);
            }

            @Override
            public void onGap(RunRef run, Gap gap) {
                gap(feed, run, gap);
            }

            @Override
            public void onReconciled(RunRef run, String status, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> results) {
                com.fasterxml.jackson.databind.node.ObjectNode fields = dev.runlens.json.Json.object();
                fields.put("source", run.source().id());
                fields.put("run_id", run.runId());
                fields.put("status", status);
                fields.putObject("results").setAll(results);
                reconciled(feed, Instant.now(), run, fields);
            }

            @Override
            public void onFinalOutput(RunRef run, String outputJson) {
                // As the session log records it (meta final_output), so live and replay apply it alike.
                com.fasterxml.jackson.databind.node.ObjectNode fields = dev.runlens.json.Json.object();
                fields.put("meta", dev.runlens.log.SessionMeta.FINAL_OUTPUT);
                fields.put("flow_run_id", run.runId());
                fields.put("output", outputJson);
                reconciled(feed, Instant.now(), run, fields);
            }
        };
    }

    private void enqueue(FeedItem item) {
        queue.add(item);
        backlog.incrementAndGet();
        lastEnqueueNanos = System.nanoTime();
    }

    /** When the newest item arrived (System.nanoTime), for the drain figure. */
    public long lastEnqueueNanos() {
        return lastEnqueueNanos;
    }

    /** Takes up to {@code max} items in arrival order. FX side only. */
    public List<FeedItem> drain(int max) {
        List<FeedItem> out = new ArrayList<>(Math.min(max, Math.max(16, backlog.get())));
        FeedItem item;
        while (out.size() < max && (item = queue.poll()) != null) {
            out.add(item);
        }
        backlog.addAndGet(-out.size());
        return out;
    }

    /** Items waiting for the FX thread. */
    public int backlog() {
        return backlog.get();
    }

    /** Frames received since start, by all feeds. */
    public long received() {
        return received.get();
    }

    public SpillFile store() {
        return store;
    }
}
