package dev.runlens.replay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners of a {@link ReplayIndex}, called on the indexing thread; a listener's failure never stops indexing. */
final class IndexListeners {
    private final List<IndexListener> listeners = new CopyOnWriteArrayList<>();

    void add(IndexListener listener) {
        listeners.add(listener);
    }

    void progress(ReplayIndex index, double fraction, int entries) {
        for (IndexListener l : listeners) {
            notify(() -> l.progress(index, fraction, entries));
        }
    }

    /** The last progress (all of it) and the end, with {@code problem} null after success. */
    void finished(ReplayIndex index, String problem) {
        int entries = index.size();
        for (IndexListener l : listeners) {
            notify(() -> l.progress(index, 1.0, entries));
            notify(() -> l.finished(index, problem));
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }
}
