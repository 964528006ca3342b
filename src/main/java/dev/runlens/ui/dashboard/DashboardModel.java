package dev.runlens.ui.dashboard;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.IndexedFeed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Everything the window shows, in plain Java: the run model, each run's event log, the feeds'
 * states and the error list. Changed only by {@link #apply}, on one thread (the FX thread in the
 * app, the test thread in tests); each call fires exactly one {@link Batch} to the listeners.
 */
public final class DashboardModel {
    /** How many items are applied between two looks at the clock in {@link #applyFrom}. */
    public static final int CHUNK = 16;

    private final RunModel model = new RunModel();
    private final Map<RunRef, TrackedRun> tracks = new LinkedHashMap<>();
    private final Map<Feed, FeedStatus> feeds = new LinkedHashMap<>();
    /** Feeds replayed from an indexed file: their runs' rows are views over the index. */
    private final Map<Feed, IndexedFeed> indexedFeeds = new java.util.HashMap<>();
    private final List<ErrorEntry> errors = new ArrayList<>();
    /** The stored rows' texts of every run, in one arena (a run's own arena was its costliest part with many runs). */
    private final dev.runlens.ui.rows.RunRows.Texts liveTexts = new dev.runlens.ui.rows.RunRows.Texts();
    private final List<Consumer<Batch>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private long frames;

    public Batch apply(List<FeedItem> items) {
        Pending p = new Pending();
        for (FeedItem item : items) {
            applyItem(item, p);
        }
        return finish(p);
    }

    /**
     * Takes items from {@code drain} (the bridge's queue) until it is empty, {@code max} were taken, or
     * {@code deadlineNanos} (System.nanoTime) has passed, and applies them as one batch. The clock
     * is read every {@link #CHUNK} items, so a pulse that meets cold code (the first seconds, before
     * the JIT) or a slow stretch stops early and leaves the rest queued for the next pulses,
     * instead of holding the window still until everything is applied.
     */
    public Batch applyFrom(IntFunction<List<FeedItem>> drain, int max, long deadlineNanos) {
        Pending p = new Pending();
        int taken = 0;
        while (taken < max) {
            List<FeedItem> chunk = drain.apply(Math.min(CHUNK, max - taken));
            if (chunk.isEmpty()) {
                break;
            }
            taken += chunk.size();
            for (FeedItem item : chunk) {
                applyItem(item, p);
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                break;
            }
        }
        return finish(p);
    }

    /** What the items applied so far in this batch changed. */
    private static final class Pending {
        final Set<Run> changed = new LinkedHashSet<>();
        final Map<RunRef, List<EventRow>> newRows = new LinkedHashMap<>();
        final List<ErrorEntry> newErrors = new ArrayList<>();
        final List<Run> ended = new ArrayList<>();
        boolean feedsChanged;
        int frameCount;
        int runEvents;
    }

    private void applyItem(FeedItem item, Pending p) {
        switch (item) {
            case FeedItem.FrameItem f -> {
                p.frameCount++;
                p.feedsChanged |= touchFeed(f);
                if (f.event() instanceof RunEvent e) {
                    p.runEvents++;
                    applyEvent(f, e, p);
                } else if (f.event() instanceof MalformedFrame m) {
                    p.newErrors.add(ErrorEntry.malformed(f.receivedAt(), f.feed(), m));
                }
            }
            case FeedItem.StateItem s -> {
                FeedStatus old = feeds.get(s.feed());
                feeds.put(s.feed(), new FeedStatus(s.feed(), s.state(), s.message(), old == null ? null : old.lastFrameAt()));
                p.feedsChanged = true;
                ErrorKind kind = stateProblem(s.state());
                if (kind != null) {
                    p.newErrors.add(ErrorEntry.ofFeed(s.at(), kind, s.feed(),
                            s.message() == null || s.message().isBlank() ? s.state().label() : s.message()));
                }
            }
            case FeedItem.GapItem g -> {
                RunModel.Change c = model.markGap(g.run(), g.gap());
                track(c.run(), g.feed());
                p.changed.add(c.run());
                p.newErrors.add(ErrorEntry.gap(g.feed(), g.run(), g.gap()));
            }
            case FeedItem.ReconciledItem r -> {
                Run before = model.run(r.run());
                boolean wasTerminal = before != null && before.terminal();
                // A task-status answer, or (with "meta": "final_output" / "quiet_end") what the connection learnt over HTTP.
                dev.runlens.log.SessionMeta.applyToModel(r.fields().path("meta").asText(dev.runlens.log.SessionMeta.RECONCILED),
                        r.fields(), r.at(), model);
                Run run = model.run(r.run());
                if (run != null) {
                    track(run, r.feed());
                    p.changed.add(run);
                    if (run.terminal() && !wasTerminal) {
                        p.ended.add(run);
                    }
                }
            }
            case FeedItem.ProblemItem pr -> p.newErrors.add(ErrorEntry.ofFeed(pr.at(), ErrorKind.UNREADABLE, pr.feed(), pr.message()));
            case FeedItem.FaultItem fault -> p.newErrors.add(ErrorEntry.ofFeed(fault.at(), ErrorKind.INTERNAL, null, fault.message()));
        }
    }

    private Batch finish(Pending p) {
        frames += p.frameCount;
        errors.addAll(p.newErrors);
        Batch batch = new Batch(List.copyOf(p.changed), p.newRows, p.newErrors, p.ended, p.feedsChanged, p.frameCount, p.runEvents);
        if (!batch.isEmpty()) {
            for (Consumer<Batch> l : listeners) {
                l.accept(batch);
            }
        }
        return batch;
    }

    private boolean touchFeed(FeedItem.FrameItem f) {
        FeedStatus old = feeds.get(f.feed());
        ConnectionState state = old == null ? (f.feed().live() ? ConnectionState.LIVE : null) : old.state();
        feeds.put(f.feed(), new FeedStatus(f.feed(), state, old == null ? null : old.message(), f.receivedAt()));
        return old == null;
    }

    private void applyEvent(FeedItem.FrameItem f, RunEvent e, Pending p) {
        RunModel.Change c = model.apply(e);
        Run run = c.run();
        // Terminal before this event: ended by it, or ended earlier (looked up once, in apply).
        boolean wasTerminal = run.terminal() && !c.ended();
        TrackedRun track = track(run, f.feed());
        p.changed.add(run);
        Execution exec = c.execution();
        NodeRef node = e.node();
        Integer times = exec != null ? Integer.valueOf(exec.times()) : node == null ? null : node.times();
        EventRow row = new EventRow(f.sequence(), f.receivedAt(), e.time(), e.kind(), node == null ? null : node.node(),
                times, f.summary(), f.ref(), run.ref(), exec);
        track.add(row, f.feed());
        p.newRows.computeIfAbsent(run.ref(), r -> new ArrayList<>()).add(row);
        if (e.problem() != null) {
            // Applied without the field it could not read: the event counts, the problem is listed.
            p.newErrors.add(new ErrorEntry(f.receivedAt(), ErrorKind.MALFORMED_FRAME, f.feed(), run.ref(), row.node(), times,
                    e.problem(), exec));
        }
        if (!wasTerminal) {
            if (e instanceof RunEvent.NodeError ne) {
                ErrorKind kind = run.ref().source() == Source.LYZR ? ErrorKind.TASK_FAILED : ErrorKind.NODE_ERROR;
                p.newErrors.add(new ErrorEntry(e.time(), kind, f.feed(), run.ref(), row.node(), times, ne.message(), exec));
            } else if (e instanceof RunEvent.FlowError fe) {
                p.newErrors.add(new ErrorEntry(e.time(), ErrorKind.FLOW_ERROR, f.feed(), run.ref(), null, null, fe.message(), null));
            }
            if (run.terminal()) {
                p.ended.add(run);
            }
        }
    }

    private TrackedRun track(Run run, Feed feed) {
        TrackedRun t = tracks.get(run.ref());
        if (t == null) {
            IndexedFeed source = indexedFeeds.get(feed);
            t = source == null ? TrackedRun.live(run, feed, liveTexts) : TrackedRun.indexed(run, feed, source, 0);
            tracks.put(run.ref(), t);
        } else if (t.run() != run) {
            // A run restored by a replay seek is shared with the replay's snapshots until its first change.
            t.follow(run);
        }
        return t;
    }

    /**
     * Tells the model that {@code feed} replays the file {@code source} indexes, with each frame's
     * sequence being its entry number: its runs' event rows become views over the index instead
     * of stored rows. Call before its first frame.
     */
    public void indexFeed(Feed feed, IndexedFeed source) {
        indexedFeeds.put(feed, source);
    }

    private static ErrorKind stateProblem(ConnectionState state) {
        return switch (state) {
            case TOKEN_REFUSED -> ErrorKind.TOKEN_REFUSED;
            case RECONNECTING -> ErrorKind.CONNECTION_LOST;
            case UNAUTHORIZED, NOT_FOUND, FAILED -> ErrorKind.CONNECTION;
            default -> null;
        };
    }

    /**
     * Puts one feed at any point of its file (replay seeking, either way): its runs become those of
     * {@code state} (a model handed over: nobody else changes it, though its ended runs may be
     * shared copy-on-write with replay snapshots), its event rows are its entries below
     * {@code position} (a view over its index: only their count changes; see {@link #indexFeed}),
     * and its errors become the runs' errors and gaps plus
     * {@code extraErrors} (malformed frames...). Other feeds are untouched. Fires the reset
     * listeners (not a batch): views rebuild from the model.
     */
    public void restoreFeed(Feed feed, RunModel state, int position, List<ErrorEntry> extraErrors) {
        IndexedFeed source = indexedFeeds.get(feed);
        if (source == null) {
            throw new IllegalArgumentException("only a feed replayed from an indexed file can be restored");
        }
        List<RunRef> mine = new ArrayList<>();
        tracks.forEach((ref, t) -> {
            if (t.feed().equals(feed)) {
                mine.add(ref);
            }
        });
        model.replace(mine, state);
        for (RunRef ref : mine) {
            if (state.run(ref) == null) {
                tracks.remove(ref);
            }
        }
        List<ErrorEntry> restored = new ArrayList<>(extraErrors);
        for (Run run : state.runs()) {
            tracks.put(run.ref(), TrackedRun.indexed(run, feed, source, position));
            for (dev.runlens.model.RunError err : run.errors()) {
                ErrorKind kind = err.isFlowError() ? ErrorKind.FLOW_ERROR
                        : run.ref().source() == Source.LYZR ? ErrorKind.TASK_FAILED : ErrorKind.NODE_ERROR;
                restored.add(new ErrorEntry(err.time(), kind, feed, run.ref(), err.node(), err.times(), err.message(),
                        err.isFlowError() || err.times() == null ? null : run.execution(err.node(), err.times())));
            }
            for (dev.runlens.model.Gap g : run.gaps()) {
                restored.add(ErrorEntry.gap(feed, run.ref(), g));
            }
        }
        errors.removeIf(e -> feed.equals(e.feed()));
        errors.addAll(restored);
        for (Runnable l : resetListeners) {
            l.run();
        }
    }

    /** Told after {@link #restoreFeed}: rebuild what is shown from the model. */
    public void addResetListener(Runnable listener) {
        resetListeners.add(listener);
    }

    public void addListener(Consumer<Batch> listener) {
        listeners.add(listener);
    }

    public RunModel runModel() {
        return model;
    }

    public List<Run> runs() {
        return model.runs();
    }

    public TrackedRun track(RunRef ref) {
        return tracks.get(ref);
    }

    public FeedStatus feedStatus(Feed feed) {
        return feeds.get(feed);
    }

    public List<FeedStatus> feeds() {
        return List.copyOf(feeds.values());
    }

    public List<ErrorEntry> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Run events applied to the model. */
    public long eventsApplied() {
        return model.applied();
    }

    public long frames() {
        return frames;
    }

    /** True when every run seen so far reached its terminal event (and there is at least one). */
    public boolean allRunsFinished() {
        return !model.runs().isEmpty() && model.runs().stream().allMatch(Run::terminal);
    }
}
