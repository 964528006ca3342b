package dev.runlens.history;

import dev.runlens.log.SessionRecorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The window's history index: one low-priority daemon thread keeps it up to date with the
 * sessions folder, every file opened and the live recordings (re-checked every few seconds, so a
 * growing recording is indexed as it is written). It yields: it waits while {@code busy} says the
 * window is behind (or the window's replay is in use, {@link #yieldAlsoWhile}), and pauses
 * briefly every few hundred entries. Searches run on the caller's thread (never the FX thread).
 * Closing stops the thread within a few hundred entries (a file cut short is read again by the
 * next pass, decision 0081) and releases the lock.
 */
public final class HistoryService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HistoryService.class.getName());
    private static final long PASS_MILLIS = 3000;
    private static final int ENTRIES_PER_BREATH = 256;

    private final Path indexFolder;
    private final Path sessions;
    private final BooleanSupplier busy;
    private volatile BooleanSupplier alsoBusy = () -> false;
    private final Set<Path> extra = new LinkedHashSet<>();
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile HistoryIndex index;
    private volatile String problem;
    private volatile long passes;

    public HistoryService(Path indexFolder, Path sessions, BooleanSupplier busy) {
        this.indexFolder = indexFolder;
        this.sessions = sessions;
        this.busy = busy;
        this.thread = Thread.ofPlatform().daemon().name("runlens-history").priority(Thread.MIN_PRIORITY).unstarted(this::loop);
    }

    /** The sessions folder the recorder writes to; {@code runlens.sessions.dir} overrides it (tests). */
    public static Path sessionsFolder() {
        String p = System.getProperty("runlens.sessions.dir");
        return p != null && !p.isBlank() ? Path.of(p) : SessionRecorder.defaultDirectory();
    }

    /** Starts the indexing thread; once closed, it stays stopped (a start that comes after the window closed). */
    public HistoryService start() {
        if (!stopped) {
            thread.start();
        }
        return this;
    }

    /**
     * Also waits while {@code other} says so (the window's replay while it plays or seeks,
     * decision 0081), as it waits while the window is behind: at most a second at a time.
     */
    public void yieldAlsoWhile(BooleanSupplier other) {
        this.alsoBusy = other;
    }

    /** Indexes {@code file} too (opened in the window, or a live recording), now and as it grows. */
    public void add(Path file) {
        synchronized (lock) {
            extra.add(file.toAbsolutePath().normalize());
            lock.notifyAll();
        }
    }

    /** Hits for {@code query}; empty until the index is open. */
    public List<SearchHit> search(String query, int limit) throws BadQueryException, IOException {
        HistoryIndex i = index;
        if (i == null) {
            HistoryQuery.parse(query, new org.apache.lucene.analysis.standard.StandardAnalyzer());
            return List.of();
        }
        return new HistorySearch(i).search(query, limit, HistorySearch.Order.NEWEST);
    }

    /** Baselines and usual durations from the index; {@link RunHistory#NONE} until it is open. */
    public RunHistory history() {
        HistoryIndex i = index;
        return i == null ? RunHistory.NONE : new IndexedRunHistory(i);
    }

    /** Why the index could not be opened, as a sentence, or null. */
    public String problem() {
        return problem;
    }

    /** Passes finished so far (tests wait for one). */
    public long passes() {
        return passes;
    }

    private void loop() {
        HistoryIndexer indexer;
        try {
            HistoryIndex opened = HistoryIndex.open(indexFolder);
            index = opened;
            indexer = new HistoryIndexer(opened);
        } catch (IOException | RuntimeException e) {
            problem = "the history index at " + indexFolder + " could not be opened (" + e.getMessage() + ")";
            LOG.log(Level.WARNING, problem);
            return;
        }
        long[] seen = {0};
        indexer.probe(entry -> {
            if (stopped) {
                // Closing: the file is left unread (nothing of it is committed) rather than read to its end.
                throw new Stopped();
            }
            if (++seen[0] % ENTRIES_PER_BREATH == 0) {
                breathe();
            }
        });
        while (!stopped) {
            try {
                List<Path> files = new ArrayList<>(Recordings.in(sessions));
                synchronized (lock) {
                    files.addAll(extra);
                }
                indexer.indexAll(files, () -> {
                    breathe();
                    return !stopped;
                });
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "history pass failed: " + e);
            }
            passes++;
            synchronized (lock) {
                if (!stopped) {
                    try {
                        lock.wait(PASS_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Gives the window the cores: waits while it is behind (at most a second), then a short pause. */
    private void breathe() {
        try {
            long until = System.nanoTime() + 1_000_000_000L;
            while (!stopped && (busy.getAsBoolean() || alsoBusy.getAsBoolean()) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the reading of a file when the service closes. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("closed", null, false, false);
        }
    }

    /**
     * Stops indexing within a few entries (a file cut short is read again by the next start) and closes the index (committing it and releasing its
     * lock). Never interrupts the thread: an interrupt inside Lucene's file I/O closes its channels.
     */
    @Override
    public void close() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HistoryIndex i = index;
        if (i != null && !thread.isAlive()) {
            try {
                i.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "history index not closed cleanly: " + e.getMessage());
            }
        }
    }
}
