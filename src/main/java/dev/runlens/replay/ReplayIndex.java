package dev.runlens.replay;

import dev.runlens.log.LogFormat;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.protocol.RunRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final Map<MarkerKind, IntList> markers = new EnumMap<>(MarkerKind.class);
    private final List<IndexListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ReplayIndex> completion = new CompletableFuture<>();
    private final Snapshots snapshots;
    private final LogReader reader;
    private final long fileSize;
    private final FrameStore frames;
    private volatile RunRef[] runs = new RunRef[0];
    /** Per run id, its event entries (see {@link RunEntries}). */
    private volatile RunEntries[] runEntries = new RunEntries[0];
    /** Event times too far from 1970 for the nanosecond column, by entry (hostile frames: few). */
    private final Map<Integer, Instant> oddTimes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per run id, the entry of the event that ended the run, or -1 (written before later entries are published). */
    private volatile int[] terminalAt = new int[0];
    private volatile MalformedEntry[] malformed = new MalformedEntry[0];
    private volatile int malformedCount;
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
        for (MarkerKind k : MarkerKind.values()) {
            markers.put(k, new IntList());
        }
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
        thread = new Thread(this::index, "runlens-replay-index");
        thread.setDaemon(true);
        thread.start();
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
            for (IndexListener l : listeners) {
                notify(() -> l.progress(this, 1.0, table.size()));
                String p = problem;
                notify(() -> l.finished(this, p));
            }
            completion.complete(this);
        }
    }

    void fireProgress() {
        if (closed) {
            throw new Closed();
        }
        double f = progress();
        int n = table.size();
        for (IndexListener l : listeners) {
            notify(() -> l.progress(this, f, n));
        }
    }

    /** A listener's failure must not stop indexing. */
    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
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

    int addRun(RunRef ref) {
        int[] t = Arrays.copyOf(terminalAt, terminalAt.length + 1);
        t[t.length - 1] = -1;
        terminalAt = t;
        RunEntries[] e = Arrays.copyOf(runEntries, runEntries.length + 1);
        e[e.length - 1] = new RunEntries(table, e.length - 1, ref.source() == dev.runlens.protocol.Source.LYZR);
        runEntries = e;
        RunRef[] a = Arrays.copyOf(runs, runs.length + 1);
        a[a.length - 1] = ref;
        runs = a;
        return a.length - 1;
    }

    /** Indexing thread: run {@code run} (an id of {@link #addRun}) ended with entry {@code i}, unless it ended before. */
    void ended(int run, int i) {
        if (run >= 0 && terminalAt[run] < 0) {
            terminalAt[run] = i;
        }
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

    /** True when re-applying entry {@code i} reads its frame back (its payload or an odd time matters). */
    public boolean heavy(int i) {
        return (table.flags(i) & EntryTable.HEAVY) != 0;
    }

    /**
     * True when entry {@code i} comes after the event that ended its run (the model then only
     * counts it: it touches no execution). False for entries without a run.
     */
    public boolean afterRunEnded(int i) {
        int r = table.run(i);
        int[] t = terminalAt;
        return r >= 0 && r < t.length && t[r] >= 0 && i > t[r];
    }

    /** Decides, for {@link #pickRows}, whether a row belongs to what is asked for. */
    public interface RowTest {
        /**
         * {@code node} and {@code times}: the (node, times) of the execution the row's event touches,
         * as the index knows it; null and {@link Integer#MIN_VALUE} when it touches none (not a node
         * event, no execution number, or after its run's end).
         */
        boolean test(String node, int times);
    }

    /**
     * The numbers of {@code entries}' rows below {@code count} that {@code test} accepts, in order:
     * one pass over the run's entries reading the columns directly (an execution's rows in the
     * inspector), with no row made and no boxing. Any thread, for published rows.
     */
    public int[] pickRows(RunEntries entries, int count, RowTest test) {
        int n = Math.min(count, entries.size());
        if (n <= 0) {
            return new int[0];
        }
        int r = entries.run();
        int[] t = terminalAt;
        int end = r >= 0 && r < t.length && t[r] >= 0 ? t[r] : Integer.MAX_VALUE;
        EntryTable.Chunks ch = table.view();
        int[] picked = new int[16];
        int found = 0;
        int e = -1;
        for (int k = 0; k < n; k++) {
            e = k == 0 ? entries.entry(0) : entries.next(k - 1, e);
            int c = e >>> EntryTable.SHIFT;
            int o = e & EntryTable.MASK;
            String node = null;
            int times = Integer.MIN_VALUE;
            if (EntryKind.of(ch.kind[c][o]).isNodeEvent() && (ch.flags[c][o] & EntryTable.TIMES_NULL) == 0 && e <= end) {
                node = strings.get(ch.node[c][o]);
                times = ch.times[c][o];
            }
            if (test.test(node, times)) {
                if (found == picked.length) {
                    picked = Arrays.copyOf(picked, found * 2);
                }
                picked[found++] = k;
            }
        }
        return Arrays.copyOf(picked, found);
    }

    void malformed(MalformedEntry e) {
        int n = malformedCount;
        MalformedEntry[] a = malformed;
        if (n == a.length) {
            a = Arrays.copyOf(a, Math.max(16, n * 2));
            malformed = a;
        }
        a[n] = e;
        malformedCount = n + 1;
    }

    IntList markerList(MarkerKind kind) {
        return markers.get(kind);
    }

    Snapshots snapshots() {
        return snapshots;
    }

    /** A stand-in for the run event at {@code i}, rebuilt from its columns (see {@link EntryReplayer}). */
    dev.runlens.protocol.RunEvent synthetic(int i) {
        return EntryReplayer.synthetic(this, i);
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

    /** The session header for session logs, else null. */
    public SessionHeader header() {
        return reader.header();
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

    public void addListener(IndexListener listener) {
        listeners.add(listener);
    }

    public void removeListener(IndexListener listener) {
        listeners.remove(listener);
    }

    public EntryKind kind(int i) {
        return table.kind(i);
    }

    /** Receive time in epoch nanoseconds, or {@code Long.MIN_VALUE} when the log has none. */
    public long receivedNanos(int i) {
        return table.received(i);
    }

    /** The event's own (server) time in epoch nanoseconds, or {@code Long.MIN_VALUE}. */
    public long serverNanos(int i) {
        return table.server(i);
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

    RunRef runAt(int id) {
        return id < 0 ? null : runs[id];
    }

    RunEntries entriesOf(int run) {
        return runEntries[run];
    }

    /** The event entries of {@code run} (none for a run without events, such as a gap's). */
    public RunEntries entriesOf(RunRef run) {
        RunRef[] r = runs;
        RunEntries[] e = runEntries;
        for (int i = 0; i < Math.min(r.length, e.length); i++) {
            if (r[i].equals(run)) {
                return e[i];
            }
        }
        return RunEntries.NONE;
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
        int r = table.run(i);
        return r < 0 ? null : runs[r];
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
        return List.of(runs);
    }

    /** Entry positions of one kind of marker, ascending (a copy). */
    public int[] markers(MarkerKind kind) {
        return markers.get(kind).toArray();
    }

    /** The first marker of {@code kind} after entry {@code i}, or -1. */
    public int nextMarker(MarkerKind kind, int i) {
        return markers.get(kind).after(i);
    }

    /** The last marker of {@code kind} before entry {@code i}, or -1. */
    public int previousMarker(MarkerKind kind, int i) {
        return markers.get(kind).before(i);
    }

    /** Malformed frames and unreadable pieces found so far, in file order. */
    public List<MalformedEntry> malformed() {
        int n = malformedCount;
        return List.of(Arrays.copyOf(malformed, n));
    }

    /** Why entry {@code i} was listed as malformed, or null. */
    String malformedReason(int i) {
        int n = malformedCount;
        MalformedEntry[] a = malformed;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].index() < i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < n && a[lo].index() == i ? a[lo].reason() : null;
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
        long m = 0;
        for (IntList l : markers.values()) {
            m += l.bytes();
        }
        for (RunEntries e : runEntries) {
            m += e.bytes();
        }
        return table.allocatedBytes() + m + strings.size() * 96L + snapshots.estimatedBytes()
                + (long) malformedCount * 64;
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
