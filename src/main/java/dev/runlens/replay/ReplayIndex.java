package dev.runlens.replay;

import dev.runlens.log.LogFormat;
import dev.runlens.log.LogReader;
import dev.runlens.protocol.RunRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The index of one log file for replay, built progressively on a background thread. Every entry
 * of the log (frame, session meta line, damaged piece) gets a position 0..size()-1 and a few
 * primitive columns (kind, receive and server time, run, node, times, offset); payloads stay in
 * the file and are read back by {@link #frames()}. Markers (errors, node starts, connection
 * lines, malformed frames) and model snapshots are collected on the way.
 *
 * <p>Thread-safe for readers while indexing continues: {@link #size()} only grows, and every
 * entry below it is complete, so a reader always sees a consistent prefix of the log.
 */
public final class ReplayIndex implements EntryTimes, AutoCloseable {
    final EntryTable table = new EntryTable();
    final StringTable strings = new StringTable();
    final IndexMarkers markers = new IndexMarkers();
    final IndexedRuns runs = new IndexedRuns(table, strings);
    private final IndexListeners listeners = new IndexListeners();
    private final CompletableFuture<ReplayIndex> completion = new CompletableFuture<>();
    private final Snapshots snapshots;
    private final LogReader reader;
    private final long fileSize;
    private final FrameStore frames;
    /** Event times too far from 1970 for the nanosecond column, by entry (hostile frames: few). */
    private final Map<Integer, Instant> oddTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean done;
    private volatile boolean closed;
    private volatile String failure;
    volatile LongSupplier bytesRead;
    private volatile Spool spool;
    private Thread thread;

    private ReplayIndex(LogReader reader, int snapshotInterval) throws IOException {
        this.reader = reader;
        this.snapshots = new Snapshots(snapshotInterval);
        this.fileSize = Files.size(reader.path());
        this.frames = new FrameStore(this, reader.path());
    }

    /**
     * Opens a log and starts indexing it in the background. Detecting the form happens here, so a
     * file that is missing, empty, or not a log fails at once with a plain message
     * ({@link dev.runlens.log.LogFormatException}, {@link java.nio.file.NoSuchFileException}...).
     * Damage found later (torn last line, malformed frames) is listed by {@link #malformed()}.
     */
    public static ReplayIndex open(Path file) throws IOException {
        return open(file, null);
    }

    /** As {@link #open(Path)}, with a listener registered before indexing starts. */
    public static ReplayIndex open(Path file, IndexListener listener) throws IOException {
        return open(file, listener, Snapshots.INITIAL_INTERVAL);
    }

    /** With a chosen first snapshot interval (a power of two), for tests. */
    static ReplayIndex open(Path file, IndexListener listener, int snapshotInterval) throws IOException {
        ReplayIndex index = new ReplayIndex(LogReader.open(file), snapshotInterval);
        if (listener != null) {
            index.listeners.add(listener);
        }
        index.start();
        return index;
    }

    private void start() {
        thread = Thread.ofPlatform().daemon().name("runlens-replay-index").start(BackgroundPriority.lowered(this::index));
    }

    private void index() {
        String problem = null;
        try {
            new Indexer(this, snapshots).run();
        } catch (Closed e) {
            problem = "indexing was stopped";
        } catch (Indexer.SpoolFailure e) {
            problem = "could not write the temporary spool file: " + e.getCause().getMessage();
        } catch (IOException | UncheckedIOException e) {
            problem = "reading stopped after " + table.size() + " entries: " + e.getMessage();
        } catch (RuntimeException | Error e) {
            problem = "indexing failed after " + table.size() + " entries: " + e;
        } finally {
            if (problem == null && table.size() == 0) {
                problem = reader.path() + " holds no frames";
            }
            failure = problem;
            done = true;
            listeners.finished(this, problem);
            completion.complete(this);
        }
    }

    void fireProgress() {
        if (closed) {
            throw new Closed();
        }
        listeners.progress(this, progress(), table.size());
    }

    /** Thrown inside the indexing thread to stop it when the index is closed. */
    private static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    synchronized Spool spool() throws IOException {
        if (spool == null) {
            spool = new Spool();
        }
        return spool;
    }

    /**
     * The execution number of a node event as an int, {@link Integer#MIN_VALUE} where
     * {@link #times(int)} is null (no boxing, for loops over many entries).
     */
    public int executionNumber(int i) {
        if (!table.kind(i).isNodeEvent() || (table.flags(i) & EntryTable.TIMES_NULL) != 0) {
            return Integer.MIN_VALUE;
        }
        return table.times(i);
    }

    /**
     * True when entry {@code i} comes after the event that ended its run (the model then only
     * counts it: it touches no execution). False for entries without a run.
     */
    public boolean afterRunEnded(int i) {
        return runs.afterRunEnded(i);
    }

    /**
     * The numbers of {@code entries}' rows from {@code from} to below {@code count} that {@code test}
     * accepts, in order: one pass over those rows reading the columns directly (an execution's rows
     * in the inspector), with no row made and no boxing. Any thread, for published rows.
     */
    public int[] pickRows(RunEntries entries, int from, int count, RowTest test) {
        return runs.pickRows(entries, from, count, test);
    }

    Snapshots snapshots() {
        return snapshots;
    }

    LogReader reader() {
        return reader;
    }

    public Path file() {
        return reader.path();
    }

    public LogFormat format() {
        return reader.format();
    }

    public boolean gzip() {
        return reader.gzip();
    }

    /** Entries indexed so far; only grows. */
    @Override
    public int size() {
        return table.size();
    }

    public boolean isDone() {
        return done;
    }

    /** Null while indexing or after success; a plain sentence when reading stopped early or found no frames. */
    public String failure() {
        return failure;
    }

    /**
     * Fraction of the file read, 0..1 (1 once done). Exact for session logs and JSON Lines (bytes of
     * the file, compressed bytes for gzip); for pretty, array and HAR forms an estimate from the
     * frame text seen so far, held below 1 until done.
     */
    public double progress() {
        if (done) {
            return 1.0;
        }
        if (fileSize == 0) {
            return 0;
        }
        LongSupplier b = bytesRead;
        double f;
        if (b != null) {
            f = (double) b.getAsLong() / fileSize;
        } else {
            Spool s = spool;
            f = s == null ? 0 : (double) s.bytes() / (gzip() ? fileSize * 8.0 : fileSize);
        }
        return Math.min(0.99, f);
    }

    /** Completes (never exceptionally) when indexing ends; see {@link #failure()}. */
    public CompletableFuture<ReplayIndex> completion() {
        return completion;
    }

    /** Blocks until indexing ends; returns this. */
    public ReplayIndex awaitDone() {
        return completion.join();
    }

    public EntryKind kind(int i) {
        return table.kind(i);
    }

    /** The time replay runs on: the receive time, or the server time when the log has none. */
    @Override
    public long timeNanos(int i) {
        long t = table.received(i);
        return t != EntryTable.NO_TIME ? t : table.server(i);
    }

    public Instant time(int i) {
        return Times.instant(timeNanos(i));
    }

    /** The event entries of {@code run} (none for a run without events, such as a gap's). */
    public RunEntries entriesOf(RunRef run) {
        return runs.entriesOf(run);
    }

    /** Indexing thread, before entry {@code i} is published: its event time does not fit the column. */
    void oddTime(int i, Instant time) {
        oddTimes.put(i, time);
    }

    /** The event's own (server) time of entry {@code i}, out-of-range times included, or null. */
    public Instant eventTime(int i) {
        long t = table.server(i);
        return t != EntryTable.NO_TIME ? Times.instant(t) : oddTimes.isEmpty() ? null : oddTimes.get(i);
    }

    /** The kind a run event's frame names ("NodeStart", "task_failed", an unknown kind's own name...). */
    public String kindName(int i) {
        EntryKind kind = table.kind(i);
        if (!kind.isRunEvent()) {
            return null;
        }
        return kind == EntryKind.UNKNOWN_EVENT ? strings.get(table.aux(i)) : EntryNames.kind(kind, run(i).source());
    }

    /** The run of a run event, else null. */
    public RunRef run(int i) {
        return runs.at(table.run(i));
    }

    /** The node id (Lyzr: task name) of a node event, else null. */
    public String node(int i) {
        return table.kind(i).isNodeEvent() ? strings.get(table.node(i)) : null;
    }

    /** The execution number of a node event (null for Lyzr, whose events carry none, and non-node entries). */
    public Integer times(int i) {
        if (!table.kind(i).isNodeEvent() || (table.flags(i) & EntryTable.TIMES_NULL) != 0) {
            return null;
        }
        return table.times(i);
    }

    /**
     * The meta kind of a meta line ("subscribed", "gap", "disconnected"...), the message of a flow
     * or node error (null for the few kept only in the file: Lyzr task failures), else null.
     */
    public String note(int i) {
        EntryKind kind = table.kind(i);
        if (kind == EntryKind.META || kind.isError() && (table.flags(i) & EntryTable.HEAVY) == 0) {
            return strings.get(table.aux(i));
        }
        return null;
    }

    /** Length of entry {@code i}'s place in the file or spool (bytes), for showing its size without reading it. */
    public int textLength(int i) {
        return table.length(i);
    }

    public IndexedEntry entry(int i) {
        EntryKind kind = table.kind(i);
        boolean spooled = (table.flags(i) & EntryTable.SPOOLED) != 0;
        return new IndexedEntry(i, kind, table.sequence(i), Times.instant(table.received(i)),
                Times.instant(table.server(i)), run(i), node(i), times(i), note(i),
                spooled ? -1 : table.offset(i), spooled ? -1 : table.length(i));
    }

    /** The runs seen so far, in order of first appearance. */
    public List<RunRef> runs() {
        return runs.list();
    }

    /** Entry positions of one kind of marker, ascending (a copy). */
    public int[] markers(MarkerKind kind) {
        return markers.list(kind).toArray();
    }

    /** The first marker of {@code kind} after entry {@code i}, or -1. */
    public int nextMarker(MarkerKind kind, int i) {
        return markers.list(kind).after(i);
    }

    /** The last marker of {@code kind} before entry {@code i}, or -1. */
    public int previousMarker(MarkerKind kind, int i) {
        return markers.list(kind).before(i);
    }

    /** Malformed frames and unreadable pieces found so far, in file order. */
    public List<MalformedEntry> malformed() {
        return markers.malformed();
    }

    /** Reads entry texts back from the file, for the inspector. */
    public FrameStore frames() {
        return frames;
    }

    /**
     * Estimated heap held by the index: columns, markers, runs' row checkpoints, interned strings and model snapshots
     * (not the payloads, which stay in the file).
     */
    public long retainedBytes() {
        return table.allocatedBytes() + markers.bytes() + runs.bytes() + strings.size() * 96L + snapshots.estimatedBytes();
    }

    /** Stops indexing (if still running) and closes the files; deletes the spool. */
    @Override
    public void close() throws IOException {
        closed = true;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            frames.close();
        } finally {
            synchronized (this) {
                if (spool != null) {
                    spool.close();
                }
            }
        }
    }
}
