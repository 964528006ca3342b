package dev.runlens.ui.replay;

import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionLineParser;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.replay.BackgroundPriority;
import dev.runlens.replay.EntryKind;
import dev.runlens.replay.MalformedEntry;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.replay.SequentialTexts;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.ErrorKind;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.rows.FrameRef;
import dev.runlens.ui.rows.IndexedFeed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One opened log being replayed into the dashboard. A worker thread owns the decoder and the
 * {@link ReplayEngine}; it moves the dashboard to the position last asked for:
 * <ul>
 * <li>playing forwards, and short forward seeks, by reading each entry's text back from the
 * index, decoding it with the normal {@link FrameDecoder} and handing it to the {@link FrameBridge},
 * exactly like a live connection (the frame's sequence is its entry index; the row keeps the
 * entry's place in the log, not its text);</li>
 * <li>backwards, and forward seeks of more than {@link #JUMP_MIN} entries, by {@link ReplayEngine}
 * (snapshots and columns, no replay from the start, no JSON) and handing a copy of that model,
 * with the rows of any skipped entries ({@link ForwardJump}), to {@code restore}, which the UI
 * applies on the FX thread in one step.</li>
 * </ul>
 * Requests coalesce: while the worker is busy only the latest target counts.
 */
public final class ReplaySession implements AutoCloseable {
    /** What the FX side does with a seek's state: restore the feed in one step, then tell the worker. */
    public interface Restorer {
        /** {@code state}: the model at {@code position}, handed over (the worker keeps no reference to it). */
        void restore(ReplaySession session, RunModel state, int position, List<ErrorEntry> problems, Runnable applied);
    }

    /** A seek further ahead than this restores the state at the target instead of feeding every frame in between. */
    static final int JUMP_MIN = 256;

    private final ReplayIndex index;
    private final Feed feed;
    private final FrameBridge bridge;
    private final Restorer restorer;
    private final ReplayEngine engine;
    private final ExecutorService worker;
    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicBoolean seekAsked = new AtomicBoolean();
    private final IndexedFeed frames;
    /** The worker's reader of entry texts: block reads while it plays forwards. */
    private final SequentialTexts texts;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final FrameDecoder decoder = new FrameDecoder();
    private final List<ForwardJump.Problem> problems = new ArrayList<>();
    private final Consumer<String> onFailure;
    private volatile int emitted;
    private volatile boolean closed;

    ReplaySession(ReplayIndex index, Feed feed, FrameBridge bridge, Restorer restorer, Consumer<String> onFailure) {
        this.index = index;
        this.feed = feed;
        this.bridge = bridge;
        this.restorer = restorer;
        this.onFailure = onFailure;
        this.engine = new ReplayEngine(index);
        this.frames = new IndexedFeed(index);
        this.texts = index.frames().sequential();
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("runlens-replay-" + feed.id()).factory());
        // A replay keeps both cores busy: the JIT compilers go below the window too (decision 0092).
        worker.execute(BackgroundPriority::lowerCompilerThreads);
        // On a thread of its own, not the worker's: a seek asked for as the file finishes indexing
        // (the seek benchmark's first) waited behind the warm-up, 0.3-0.8 s on a busy machine.
        index.completion().thenRun(() -> {
            if (!closed) {
                Thread.ofPlatform().daemon().name("runlens-replay-warm").start(BackgroundPriority.lowered(this::warmSeeks));
            }
        });
    }

    /** Whether {@link #warmSeeks} has run (tests). */
    volatile boolean seeksWarm;

    /**
     * Once the file is indexed, the worker runs a seek's code on a scratch engine (forwards far,
     * then back from a snapshot) and throws the result away: the operator's first seek would
     * otherwise be the one that meets that code cold (the slowest seek of every benchmark run).
     * The dashboard, the session's own engine and what it has emitted are not touched (engines on
     * one index may run on different threads); once a real seek has restored a state, the code is
     * warm and the rest is skipped.
     */
    private void warmSeeks() {
        int n = index.size();
        if (closed || n == 0 || index.failure() != null) {
            return;
        }
        try {
            ReplayEngine scratch = new ReplayEngine(index);
            for (int target : new int[] {n - 1, n / 2, n / 2 + JUMP_MIN + 1}) {
                if (closed || lastBuildStartNanos != 0) {
                    break;
                }
                scratch.seek(target);
            }
        } catch (IOException | RuntimeException e) {
            // A real seek meets the same problem and reports it.
        }
        seeksWarm = true;
    }

    public ReplayIndex index() {
        return index;
    }

    public Feed feed() {
        return feed;
    }

    /** The file's entries as event rows read them back (see {@code DashboardModel.indexFeed}). */
    public IndexedFeed frames() {
        return frames;
    }

    public Path file() {
        return index.file();
    }

    /** Entries handed to the dashboard so far (worker side; read anywhere). */
    public int emitted() {
        return emitted;
    }

    /** Asks the worker to bring the dashboard to {@code position} (playing); returns at once. */
    public void request(int position) {
        requested.set(position);
        schedule();
    }

    /** As {@link #request}, for a seek: a long way forwards is restored in one step, like a seek backwards. */
    public void seek(int position) {
        requested.set(position);
        seekAsked.set(true);
        schedule();
    }

    private void schedule() {
        if (!closed && !scheduled.getAndSet(true)) {
            worker.execute(this::serve);
        }
    }

    private void serve() {
        BackgroundPriority.lowerCurrentThread();
        scheduled.set(false);
        boolean seeking = seekAsked.getAndSet(false);
        int target = Math.max(0, Math.min(requested.get(), index.size()));
        try {
            if (target < emitted || seeking && target - emitted > JUMP_MIN) {
                jump(target);
            } else {
                forward(target);
            }
        } catch (IOException | RuntimeException e) {
            onFailure.accept("replay of " + index.file().getFileName() + " stopped at entry " + emitted + ": " + e.getMessage());
        }
    }

    /**
     * Bounds the frames waiting for the FX thread during a long forward move. The pump applies
     * about 500 frames a pulse (2 ms), and at maximum speed the worker decodes faster than that: a
     * deeper queue only holds decoded events longer, for the collector to copy as survivors (at
     * 50,000, {@code open --speed max} of a 1,000,000-event log kept 50,000 waiting throughout).
     * 4,096 is several pulses' worth, so the pump does not run dry while the worker decodes on.
     */
    static final int MAX_BACKLOG = 4_096;

    private void forward(int target) throws IOException {
        for (int i = emitted; i < target && !closed; i++) {
            if (requested.get() != target) {
                return;  // a newer request is scheduled; it continues from here
            }
            while (bridge.backlog() > MAX_BACKLOG && !closed && requested.get() == target) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            emit(i);
            emitted = i + 1;
        }
    }

    /** How long the worker took to build the last restored state (the benchmark's breakdown). */
    volatile long lastBuildNanos;
    /** The worker's CPU time for it (unlike wall time, not stretched by other processes). */
    volatile long lastBuildCpuNanos;
    /** When the worker started it ({@code System.nanoTime()}). */
    volatile long lastBuildStartNanos;

    /** Restores the state at {@code target} in one step: any move backwards, or a seek far ahead. */
    private void jump(int target) throws IOException {
        long start = System.nanoTime();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        lastBuildStartNanos = start;
        // Backwards, the range skipped is empty: no new problems, no meta lines to learn.
        ForwardJump j = ForwardJump.build(index, engine, feed, emitted, target, this::learnMeta);
        lastBuildNanos = System.nanoTime() - start;
        lastBuildCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        problems.removeIf(p -> p.index() >= target);
        problems.addAll(j.problems());
        restore(j.state(), target);
    }

    /** Skipped meta lines: the decoder must still learn the streams they subscribe to. */
    private void learnMeta(int i) {
        try {
            // Skipped lines are far apart: one positional read each, not a block each.
            SessionMeta.register(SessionLineParser.meta(index.frames().text(i)), decoder);
        } catch (IOException e) {
            // An unreadable meta line teaches nothing; the frames it would have explained show as malformed.
        }
    }

    private void restore(RunModel state, int target) {
        List<ErrorEntry> kept = new ArrayList<>();
        for (ForwardJump.Problem p : problems) {
            kept.add(p.entry());
        }
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        restorer.restore(this, state, target, kept, () -> {
            // Handed to the dashboard once applied, not once this thread wakes up again (a pulse later
            // on a busy machine: what waits for it, such as the seek probe, waited that long too).
            emitted = target;
            done.countDown();
        });
        try {
            // Later frames must reach the bridge after the restore, not before it.
            while (!closed && !done.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        emitted = target;
    }

    private void emit(int i) throws IOException {
        EntryKind kind = index.kind(i);
        Instant at = index.time(i);
        if (at == null) {
            at = Instant.now();
        }
        if (kind == EntryKind.META) {
            meta(texts.text(i), at);
        } else if (kind == EntryKind.CORRUPT) {
            String message = index.malformed().stream().filter(m -> m.index() == i).map(MalformedEntry::reason).findFirst()
                    .orElse("unreadable piece of the file at entry " + i);
            problems.add(new ForwardJump.Problem(i, ErrorEntry.ofFeed(at, ErrorKind.UNREADABLE, feed, message)));
            bridge.problem(feed, message);
        } else {
            ProtocolEvent event = texts.decode(i, decoder);
            if (event instanceof MalformedFrame m) {
                problems.add(new ForwardJump.Problem(i, ErrorEntry.malformed(at, feed, m)));
            } else if (event instanceof dev.runlens.protocol.RunEvent r && r.problem() != null) {
                problems.add(new ForwardJump.Problem(i, new ErrorEntry(at, ErrorKind.MALFORMED_FRAME, feed, r.run(), null, null,
                        r.problem(), null)));
            }
            // The row keeps the entry's place in the log; its text is read back when inspected.
            bridge.frame(feed, new ReceivedFrame(i, at, null, event, -1), new FrameRef.InLog(frames, i, texts.lastChars()));
        }
    }

    /** Session meta lines: stream subscriptions teach the decoder, gaps and task-status answers go to the model. */
    private void meta(String line, Instant at) {
        LogEntry.Meta m;
        try {
            m = SessionLineParser.meta(line);
        } catch (IOException e) {
            return;
        }
        switch (SessionMeta.read(m.kind(), m.fields(), at)) {
            case SessionMeta.StreamSubscribed s -> decoder.registerStream(s.streamId(), s.flowRunId());
            case SessionMeta.GapMarked g -> bridge.gap(feed, g.run(), g.gap());
            // Learnt over HTTP (a task-status answer, a Space Operator final output or quiet end): applied as the live window applied it.
            case SessionMeta.RunLearnt l -> bridge.reconciled(feed, at, l.run(), l.fields());
            case SessionMeta.Informational _ -> { }
        }
    }

    /** The recorded time of the entry at the playhead ({@code position - 1}), or null. */
    public Instant timeAt(int position) {
        if (position <= 0 || position > index.size()) {
            return null;
        }
        return index.time(position - 1);
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            index.close();
        } catch (IOException e) {
            // The spool is a temporary file; nothing else to do.
        }
    }
}
