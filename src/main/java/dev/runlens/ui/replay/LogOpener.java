package dev.runlens.ui.replay;

import dev.runlens.replay.IndexListener;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.fx.Feed;
import dev.runlens.ui.fx.FrameBridge;
import javafx.application.Platform;

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
    private final ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "runlens-replay-open");
        t.setDaemon(true);
        return t;
    });
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
                        if (failure != null) {
                            fail(feed, file.getFileName() + ": " + failure, false);
                        }
                        watchers.forEach(w -> w.finished(i, failure));
                    }
                });
            } catch (Exception e) {
                fail(feed, "Cannot open " + file.getFileName() + ": " + describe(e), true);
                return;
            }
            ReplaySession session = new ReplaySession(index, feed, bridge, restorer,
                    text -> Platform.runLater(() -> onProblem.accept(text)));
            Platform.runLater(() -> {
                pending.decrementAndGet();
                opened.accept(session);
            });
        });
        return feed;
    }

    private void fail(Feed feed, String text, boolean neverOpened) {
        failures.add(text);
        bridge.problem(feed, text);
        Platform.runLater(() -> {
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
