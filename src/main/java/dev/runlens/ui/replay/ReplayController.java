package dev.runlens.ui.replay;

import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.MarkerKind;
import dev.runlens.replay.Playback;
import dev.runlens.replay.ReplayClock;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.FxPump;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The transport of replay, on the FX thread and without controls: which opened file the bar
 * drives (the one holding the selected run, else the last opened), where its playhead is, whether
 * it plays and how fast. Each pulse it asks the {@link ReplayClock} where playback should be and
 * hands that position to the file's {@link ReplaySession}; seeks and steps do the same at once.
 * Backward moves come back through {@link #restore} with the exact model at that point.
 */
public final class ReplayController {
    private final DashboardModel model;
    private final FrameBridge bridge;
    private final FxPump pump;
    private final Selection selection;
    private final List<Transport> transports = new ArrayList<>();
    private final LogOpener opener;
    private final ReadOnlyObjectWrapper<Transport> active = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final ObjectProperty<Pace> pace = new SimpleObjectProperty<>(Pace.MAX);
    private final ObjectProperty<Duration> skipIdle = new SimpleObjectProperty<>();
    private final IntegerProperty position = new SimpleIntegerProperty();
    private final IntegerProperty size = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(1);
    private final StringProperty timeText = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final List<Consumer<Path>> openedListeners = new ArrayList<>();
    private final KeptSelection kept;
    /** How often a growing index's size and progress are shown (nanoseconds). */
    static final long INDEX_REFRESH_NANOS = 250_000_000L;
    private ReplayIndex publishedIndex;
    private long publishedAt;
    /** How long after the playhead last moved the replay still counts as in use (see {@link #inUse}). */
    static final long IN_USE_NANOS = 2_000_000_000L;
    /** When a playhead last moved (played on, sought, stepped); read by the history indexer's thread. */
    private volatile long movedAt;
    private volatile boolean moved;
    /** When the last restore started and ended on the FX thread ({@code System.nanoTime()}; the benchmark's breakdown). */
    volatile long lastRestoreStartNanos;
    volatile long lastRestoreEndNanos;
    /** The FX thread's CPU time for it. */
    volatile long lastRestoreCpuNanos;

    public ReplayController(DashboardModel model, FrameBridge bridge, FxPump pump, Selection selection) {
        this.model = model;
        this.bridge = bridge;
        this.pump = pump;
        this.selection = selection;
        selection.runProperty().subscribe(this::follow);
        this.kept = new KeptSelection(selection);
        this.opener = new LogOpener(bridge, this::restore, problem::set);
        model.addListener(b -> kept.reselect(model.runModel()));
        pace.subscribe(p -> reanchor());
        skipIdle.subscribe(s -> reanchor());
    }

    /**
     * Opens a log (any thread): indexing starts in the background and playback starts from the
     * beginning at the chosen pace. Problems (not a log, empty, unreadable, truncated) go to
     * {@link #problemProperty()}, the error panel and {@link #failures()}, never thrown.
     */
    public Feed open(Path file, boolean play) {
        return opener.open(file, session -> added(session, play));
    }

    private void added(ReplaySession session, boolean play) {
        // Before its first frame: the file's event rows are views over its index.
        model.indexFeed(session.feed(), session.frames());
        Transport t = new Transport(session);
        transports.add(t);
        ReplayIndex index = session.index();
        // A small file may have finished indexing (and failed) before it got here.
        String failed = index.isDone() ? LogOpener.problemOf(index) : null;
        problem.set(failed == null ? "" : failed);
        active.set(t);
        t.playing = play;
        t.anchorNanos = System.nanoTime();
        publish();
        for (Consumer<Path> l : openedListeners) {
            l.accept(session.file());
        }
    }

    /** What the active file's last restored seek cost the worker and the FX thread, or null before any. */
    public SeekWork lastSeekWork() {
        Transport t = active.get();
        if (t == null || lastRestoreEndNanos == 0) {
            return null;
        }
        return new SeekWork(t.session.lastBuildNanos / 1e6, t.session.lastBuildCpuNanos / 1e6, (lastRestoreEndNanos - lastRestoreStartNanos) / 1e6,
                lastRestoreCpuNanos / 1e6, t.session.lastBuildStartNanos, lastRestoreStartNanos, lastRestoreEndNanos);
    }

    /** Told about the indexing of every file opened from now on, on the indexing thread (tests). */
    void watchIndexing(dev.runlens.replay.IndexListener listener) {
        opener.watch(listener);
    }

    /** Every file that could not be opened or whose reading stopped early, one plain sentence each. */
    public List<String> failures() {
        return opener.failures();
    }

    /** The transport of the run's file becomes the active one. */
    private void follow(RunRef run) {
        Transport t = transportOf(run);
        if (t != null) {
            active.set(t);
            publish();
        }
    }

    /** The transport whose feed shows {@code run}, or null (a live run, or none). */
    private Transport transportOf(RunRef run) {
        TrackedRun track = run == null ? null : model.track(run);
        return track == null ? null : transports.stream().filter(t -> t.session.feed().equals(track.feed())).findFirst().orElse(null);
    }

    /** Called by a session's worker with the model at {@code position}; applied on the FX thread. */
    private void restore(ReplaySession session, RunModel state, int pos, List<ErrorEntry> problems, Runnable applied) {
        FxThread.later(() -> {
            long start = System.nanoTime();
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            lastRestoreStartNanos = start;
            try {
                // Frames the worker queued before this move must not land after it.
                pump.drainAll();
                model.restoreFeed(session.feed(), state, pos, problems);
                kept.restored(model.runModel());
            } finally {
                lastRestoreEndNanos = System.nanoTime();
                lastRestoreCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
                applied.run();
            }
        });
    }

    /** Each pulse: advance playing transports by the clock, and refresh what the bar shows. */
    public void pulse(long now) {
        for (Transport t : transports) {
            if (!t.playing) {
                continue;
            }
            int target = t.clock.target(t.anchor, now - t.anchorNanos, playback());
            if (target != t.position) {
                t.position = target;
                t.session.request(target);
                moving();
            }
            if (t.position >= t.session.index().size() && t.session.index().isDone()) {
                t.playing = false;
            }
        }
        publish();
    }

    private Playback playback() {
        return pace.get().playback(skipIdle.get());
    }

    private void publish() {
        Transport t = active.get();
        if (t == null) {
            return;
        }
        ReplayIndex index = t.session.index();
        long now = System.nanoTime();
        // While a file is being indexed its size changes every pulse; showing that (slider range,
        // marker strip, progress) at every pulse made the window repaint and take CPU the indexer
        // needs, so the growth is shown a few times a second.
        if (index != publishedIndex || index.isDone() || t.position > size.get() || now - publishedAt >= INDEX_REFRESH_NANOS) {
            publishedIndex = index;
            publishedAt = now;
            size.set(index.size());
            progress.set(index.isDone() ? 1.0 : index.progress());
        }
        position.set(t.position);
        playing.set(t.playing);
        Instant at = t.session.timeAt(t.position);
        timeText.set(at == null ? "—" : at.toString());
    }

    private void reanchor() {
        long now = System.nanoTime();
        for (Transport t : transports) {
            t.anchor = t.position;
            t.anchorNanos = now;
        }
    }

    /** Moves the active transport's playhead to {@code target} (clamped); playing continues from there. */
    public void seek(int target) {
        Transport t = active.get();
        if (t == null) {
            return;
        }
        int p = Math.max(0, Math.min(target, t.session.index().size()));
        t.position = p;
        t.anchor = p;
        t.anchorNanos = System.nanoTime();
        t.session.seek(p);
        moving();
        publish();
    }

    private void moving() {
        movedAt = System.nanoTime();
        moved = true;
    }

    /**
     * True while a file plays on or was sought in the last {@link #IN_USE_NANOS} (any thread):
     * background work that can wait (indexing the file for search) waits, so the replay and the
     * seeks have the cores (decision 0081). False when paused, ended, or playing a quiet stretch.
     */
    public boolean inUse() {
        return moved && System.nanoTime() - movedAt < IN_USE_NANOS;
    }

    public void togglePlay() {
        Transport t = active.get();
        if (t == null) {
            return;
        }
        if (!t.playing && t.position >= t.session.index().size() && t.session.index().isDone()) {
            seek(0);
        }
        setPlaying(!t.playing);
    }

    public void setPlaying(boolean play) {
        Transport t = active.get();
        if (t == null) {
            return;
        }
        t.playing = play;
        t.anchor = t.position;
        t.anchorNanos = System.nanoTime();
        publish();
    }

    /** One entry forwards ({@code +1}) or backwards ({@code -1}); pauses. */
    public void step(int direction) {
        Transport t = active.get();
        if (t == null) {
            return;
        }
        setPlaying(false);
        seek(t.position + direction);
    }

    /** To the next ({@code +1}) or previous ({@code -1}) marker of {@code kind}; pauses. False when none. */
    public boolean stepMarker(MarkerKind kind, int direction) {
        Transport t = active.get();
        if (t == null) {
            return false;
        }
        int current = t.position - 1;
        int m = direction > 0 ? t.session.index().nextMarker(kind, current) : t.session.index().previousMarker(kind, current);
        if (m < 0) {
            return false;
        }
        setPlaying(false);
        seek(m + 1);
        return true;
    }

    /**
     * True when every file asked to open has opened (or failed to) and every opened one is played
     * to its end, with everything applied to the model.
     */
    public boolean allFinished() {
        if (opener.pending() > 0 || transports.isEmpty() && opener.failures().isEmpty()) {
            return false;
        }
        for (Transport t : transports) {
            ReplayIndex index = t.session.index();
            if (!index.isDone() || t.position < index.size() || t.session.emitted() < index.size()) {
                return false;
            }
        }
        return bridge.backlog() == 0;
    }

    /** The playhead's recorded time of the file showing {@code run}, or null when it is live. */
    public Instant playheadTime(RunRef run) {
        Transport t = transportOf(run);
        return t == null ? null : t.session.timeAt(t.position);
    }

    public void onOpened(Consumer<Path> listener) {
        openedListeners.add(listener);
    }

    public ReadOnlyObjectProperty<Transport> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public Transport active() {
        return active.get();
    }

    public List<Transport> transports() {
        return List.copyOf(transports);
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ObjectProperty<Pace> paceProperty() {
        return pace;
    }

    public ObjectProperty<Duration> skipIdleProperty() {
        return skipIdle;
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty timeTextProperty() {
        return timeText;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public void close() {
        opener.close();
        for (Transport t : transports) {
            t.session.close();
        }
        transports.clear();
    }
}
