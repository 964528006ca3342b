package dev.runlens.ui.replay;

import dev.runlens.replay.EntryKind;
import dev.runlens.replay.IndexListener;
import dev.runlens.replay.MalformedEntry;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.dashboard.Feed;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Opens logs for replay off the FX thread: starts each file's indexing and hands the new
 * {@link ReplaySession} to the FX thread. A file that cannot be opened (missing, not a log,
 * empty) or whose reading stops early (truncated, no frames) is reported in one plain sentence,
 * to the error panel and to {@code onProblem} on the FX thread, and remembered in {@link #failures()}.
 */
final class LogOpener {
    private final FrameBridge bridge;
    private final ReplaySession.Restorer restorer;
    private final Consumer<String> onProblem;
    private final ExecutorService opener = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("runlens-opener").factory());
    /** Files asked to open that have neither opened nor failed yet. */
    private final AtomicInteger pending = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** Also told about every file's indexing (tests hold indexing with it). */
    private final List<IndexListener> watchers = new CopyOnWriteArrayList<>();

    LogOpener(FrameBridge bridge, ReplaySession.Restorer restorer, Consumer<String> onProblem) {
        this.bridge = bridge;
        this.restorer = restorer;
        this.onProblem = onProblem;
    }

    /** Starts opening {@code file} (any thread); {@code opened} gets its session on the FX thread. */
    Feed open(Path file, Consumer<ReplaySession> opened) {
        Feed feed = bridge.newFeed(file.getFileName().toString(), false);
        pending.incrementAndGet();
        opener.execute(() -> {
            ReplayIndex index;
            try {
                index = ReplayIndex.open(file, new IndexListener() {
                    @Override
                    public void progress(ReplayIndex i, double fraction, int entries) {
                        // The pulse reads the progress; nothing to hand over here.
                        watchers.forEach(w -> w.progress(i, fraction, entries));
                    }

                    @Override
                    public void finished(ReplayIndex i, String failure) {
                        String problem = problemOf(i);
                        if (problem != null) {
                            // A truncated file's cut is already an unreadable entry of the error panel.
                            fail(failure != null ? feed : null, problem, false);
                        }
                        watchers.forEach(w -> w.finished(i, failure));
                    }
                });
            } catch (Exception e) {
                fail(feed, "Cannot open " + file.getFileName() + ": " + describe(e), true);
                return;
            }
            ReplaySession session = new ReplaySession(index, feed, bridge, restorer,
                    text -> FxThread.later(() -> onProblem.accept(text)));
            FxThread.later(() -> {
                pending.decrementAndGet();
                opened.accept(session);
            });
        });
        return feed;
    }

    /**
     * Why a fully indexed file counts as not opened properly, in one sentence, or null: reading
     * stopped early or found no frames, or the file ends in an unreadable piece (cut off: a torn
     * last line, a gzip or JSON array that ends abruptly). Damage in the middle is not truncation:
     * those pieces are listed in the error panel and the file opens.
     */
    static String problemOf(ReplayIndex index) {
        String name = index.file().getFileName().toString();
        if (index.failure() != null) {
            return name + ": " + index.failure();
        }
        int n = index.size();
        EntryKind last = n == 0 ? null : index.kind(n - 1);
        if (last == EntryKind.CORRUPT || last == EntryKind.MALFORMED && endsMidLine(index)) {
            List<MalformedEntry> m = index.malformed();
            String reason = m.isEmpty() ? "unreadable end" : m.get(m.size() - 1).reason();
            return name + " is truncated (" + reason + "); the " + (n - 1) + " entries before the cut are shown";
        }
        return null;
    }

    /** True when an uncompressed file's last byte is not a line end: it was cut inside its last line. */
    private static boolean endsMidLine(ReplayIndex index) {
        if (index.gzip()) {
            return false;  // a cut gzip ends in an unreadable piece instead
        }
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(index.file().toFile(), "r")) {
            long size = f.length();
            if (size == 0) {
                return false;
            }
            f.seek(size - 1);
            int b = f.read();
            return b != '\n' && b != '\r';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** {@code feed}: where the error panel lists it, or null when it is listed already. */
    private void fail(Feed feed, String text, boolean neverOpened) {
        failures.add(text);
        if (feed != null) {
            bridge.problem(feed, text);
        }
        FxThread.later(() -> {
            if (neverOpened) {
                pending.decrementAndGet();
            }
            onProblem.accept(text);
        });
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    void watch(IndexListener listener) {
        watchers.add(listener);
    }

    /** Files asked to open that have neither opened nor failed yet (FX thread: exact). */
    int pending() {
        return pending.get();
    }

    /** Every file that could not be opened or whose reading stopped early, one sentence each. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    void close() {
        opener.shutdownNow();
    }
}
