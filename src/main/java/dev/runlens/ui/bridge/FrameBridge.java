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
import javafx.application.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way into the FX thread. Producers (network threads, file readers) call {@link #frame}
 * and friends, which prepare the item off the FX thread (summary line, big texts spilled) and
 * return at once. The FX side drains it once per pulse ({@link FxPump}). Nothing is ever dropped;
 * the queue is bounded instead: while more than {@link #MAX_WEIGHT} (about the heap the items
 * hold, in chars) waits and the pump is running, a producer waits for the FX thread to take some
 * (back-pressure: the socket is then read more slowly), at most {@link #MAX_WAIT_NANOS} per item,
 * so a stalled FX thread never holds a network thread for good. The FX thread itself never waits
 * here, nor does anyone while the window is hidden (no pump drains then). Decisions 0038, 0079.
 */
public final class FrameBridge {
    /**
     * About 4 MB of items: a fifth of a second of a 20,000 events/s stream, several pulses' worth.
     * Everything queued here is live at each young collection; 64 MB (decision 0038) kept the queue
     * full for most of a firehose and every collection copied it (decision 0079).
     */
    static final long MAX_WEIGHT = 2L << 20;
    /** What an item costs besides its inline text and summary (the item, the event, the queue node). */
    static final int ITEM_WEIGHT = 256;
    /** The longest one producer waits for room per item. */
    static final long MAX_WAIT_NANOS = 1_000_000_000L;

    private final ConcurrentLinkedQueue<FeedItem> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong weight = new AtomicLong();
    private final AtomicLong heldBack = new AtomicLong();
    private final Object room = new Object();
    private final long maxWeight;
    private volatile boolean draining;
    private volatile long lastEnqueueNanos;
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger nextFeed = new AtomicInteger(1);
    private final SpillFile store;

    public FrameBridge(SpillFile store) {
        this(store, MAX_WEIGHT);
    }

    /** With another bound (tests). */
    FrameBridge(SpillFile store, long maxWeight) {
        this.store = store;
        this.maxWeight = maxWeight;
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

            @Override
            public void onEndedWithoutFinish(RunRef run) {
                com.fasterxml.jackson.databind.node.ObjectNode fields = dev.runlens.json.Json.object();
                fields.put("meta", dev.runlens.log.SessionMeta.QUIET_END);
                fields.put("flow_run_id", run.runId());
                reconciled(feed, Instant.now(), run, fields);
            }
        };
    }

    private void enqueue(FeedItem item) {
        if (weight.get() > maxWeight && draining && !Platform.isFxApplicationThread()) {
            awaitRoom();
        }
        weight.addAndGet(weightOf(item));
        queue.add(item);
        backlog.incrementAndGet();
        lastEnqueueNanos = System.nanoTime();
    }

    private void awaitRoom() {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        heldBack.incrementAndGet();
        synchronized (room) {
            while (weight.get() > maxWeight && draining) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    room.wait(Math.max(1, Math.min(10, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The heap an item holds, roughly, in chars: its inline text and summary plus a fixed cost. */
    static long weightOf(FeedItem item) {
        if (item instanceof FeedItem.FrameItem f) {
            long text = f.ref() instanceof FrameRef.Inline in ? in.text().length() : 0;
            return ITEM_WEIGHT + text + (f.summary() == null ? 0 : f.summary().length());
        }
        return ITEM_WEIGHT;
    }

    /**
     * Whether the FX side is draining (the pump runs). Producers wait for room only then: a hidden
     * window takes nothing, and its producers must not wait for it.
     */
    void draining(boolean running) {
        draining = running;
        if (!running) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    /** How many times a producer waited for room: the back-pressure applied so far. */
    public long heldBack() {
        return heldBack.get();
    }

    /** The items' weight waiting (see {@link #weightOf}). */
    long weight() {
        return weight.get();
    }

    /** When the newest item arrived (System.nanoTime), for the drain figure. */
    public long lastEnqueueNanos() {
        return lastEnqueueNanos;
    }

    /** Takes up to {@code max} items in arrival order. FX side only. */
    public List<FeedItem> drain(int max) {
        List<FeedItem> out = new ArrayList<>(Math.min(max, Math.max(16, backlog.get())));
        FeedItem item;
        long taken = 0;
        while (out.size() < max && (item = queue.poll()) != null) {
            out.add(item);
            taken += weightOf(item);
        }
        backlog.addAndGet(-out.size());
        if (weight.getAndAdd(-taken) > maxWeight) {
            synchronized (room) {
                room.notifyAll();
            }
        }
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
}
