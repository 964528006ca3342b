package dev.runlens.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Crash-safe session log: callers enqueue frames and meta lines and return at once; a thread of
 * its own writes them with {@link SessionLogWriter} and flushes when the queue stays dry for a
 * moment ({@link #LINGER_NANOS}) and at least every 20 ms during a burst, so {@code kill -9} loses
 * at most the last 100 ms even when this thread is scheduled late on a loaded machine. A flush is
 * a write to the page cache (no fsync): a killed process loses nothing that was flushed. The queue
 * holds at most about {@link #MAX_QUEUED_CHARS} characters (each frame counted with an overhead, so
 * a flood of empty frames is bounded too): past that a caller waits (the socket then pushes back
 * on the server) instead of filling the heap. A failed write (a full disk) stops the writing,
 * cuts the file back to its last whole line and is reported once ({@link #onFailure}); frames
 * are still taken, and dropped, so the connection and the window carry on. Thread-safe to call.
 */
public final class SessionRecorder implements AutoCloseable {
    /** A fifth of the promised 100 ms, leaving the rest for a late thread. */
    static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * How long the writer waits when the queue runs dry before it flushes and blocks. A live
     * stream refills it within this time, so the socket thread finds the writer busy rather than
     * asleep and does not wake it (a system call) for every frame.
     */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Characters of frames waiting to be written before callers wait (about 128 MB of heap). */
    static final long MAX_QUEUED_CHARS = 64L << 20;
    /** What a queued item costs besides its text (the item, the instant, the queue node), in chars. */
    static final int ITEM_OVERHEAD = 64;
    /** How long {@link #close} waits for the writer to finish. */
    static final long CLOSE_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private sealed interface Item permits FrameItem, MetaItem, EndItem {
    }

    private record FrameItem(Instant at, String text) implements Item {
    }

    private record MetaItem(Instant at, String kind, Map<String, ?> fields) implements Item {
    }

    private record EndItem() implements Item {
    }

    private final Path file;
    private final SessionLogWriter writer;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedChars = new AtomicLong();
    private final Object room = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile String failure;
    private volatile Consumer<String> failureListener = s -> { };

    private final long maxQueuedChars;
    private final long closeTimeoutMillis;

    private SessionRecorder(Path file, SessionLogWriter writer, long maxQueuedChars, long closeTimeoutMillis) {
        this.file = file;
        this.writer = writer;
        this.maxQueuedChars = maxQueuedChars;
        this.closeTimeoutMillis = closeTimeoutMillis;
        this.thread = Thread.ofPlatform().daemon().name("runlens-recorder").unstarted(this::drain);
    }

    /** Creates (or truncates) {@code file}, writes the header line and starts the writer thread. */
    public static SessionRecorder start(Path file, SessionHeader header) throws IOException {
        return start(file, header, MAX_QUEUED_CHARS, CLOSE_TIMEOUT_MILLIS);
    }

    /**
     * With another bound on the queue and wait for closing (tests). A disk that is full already
     * throws an {@link IOException} whose message is {@link #diskFull}'s sentence.
     */
    static SessionRecorder start(Path file, SessionHeader header, long maxQueuedChars, long closeTimeoutMillis) throws IOException {
        SessionLogWriter writer = new SessionLogWriter(file, header);
        try {
            writer.flush();
        } catch (IOException e) {
            writer.abandon();
            throw isDiskFull(e) ? new IOException(diskFull(file), e) : e;
        }
        SessionRecorder recorder = new SessionRecorder(file, writer, maxQueuedChars, closeTimeoutMillis);
        PrivateFiles.markInput(file);
        recorder.thread.start();
        return recorder;
    }

    /** The sentence for a full disk (ENOSPC, or a quota). */
    static String diskFull(Path file) {
        return "the disk is full: recording to " + file + " stopped; what was written before stays readable";
    }

    static boolean isDiskFull(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left on device") || m.contains("Disk quota exceeded") || m.contains("not enough space");
    }

    /**
     * {@code -Drunlens.sessions.dir} when set (the benchmarks' and tests' windows record there, beside
     * the history index that reads it, not into the user's folder), else
     * {@code $XDG_DATA_HOME/runlens/sessions}, else {@code ~/.local/share/runlens/sessions}.
     */
    public static Path defaultDirectory() {
        String dir = System.getProperty("runlens.sessions.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("runlens").resolve("sessions");
    }

    /** A fresh file name in {@link #defaultDirectory()} for a session starting at {@code start}. */
    public static Path defaultFile(Instant start) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(start);
        return defaultDirectory().resolve("session-" + stamp + ".jsonl");
    }

    /**
     * Records one received frame exactly as received. Never blocks for I/O; waits only while the
     * writer is {@link #MAX_QUEUED_CHARS} behind.
     */
    public void frame(Instant receivedAt, String text) {
        if (closed) {
            return;
        }
        if (queuedChars.get() > maxQueuedChars) {
            awaitRoom();
        }
        queuedChars.addAndGet(text.length() + ITEM_OVERHEAD);
        queue.add(new FrameItem(receivedAt, text));
    }

    private void awaitRoom() {
        synchronized (room) {
            while (queuedChars.get() > maxQueuedChars && !closed && thread.isAlive()) {
                try {
                    room.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Records a meta line (connecting, authenticated, subscribed, disconnected, gap...). Never pass a secret. */
    public void meta(Instant at, String kind, Map<String, ?> fields) {
        if (!closed) {
            queue.add(new MetaItem(at, kind, new LinkedHashMap<>(fields)));
        }
    }

    /** Characters of frames queued and not yet written. */
    long queuedChars() {
        return queuedChars.get();
    }

    /** Why writing stopped (disk full, file removed, could not finish), if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Tells {@code listener} (on the recorder's thread, once) why writing stopped, if it does. */
    public void onFailure(Consumer<String> listener) {
        failureListener = listener;
        String f = failure;
        if (f != null) {
            listener.accept(f);
        }
    }

    /**
     * Writes what is queued, flushes and closes the file, waiting at most {@link #CLOSE_TIMEOUT_MILLIS}.
     * Returns false, with {@link #failure()} saying why, when the log is not whole. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new EndItem());
        }
        try {
            thread.join(closeTimeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() && failure == null) {
            failure = "could not finish writing " + file + " within " + closeTimeoutMillis / 1000.0
                    + " s (the disk is not answering): its last lines may be missing";
        }
        PrivateFiles.releaseInput(file);
    }

    private void drain() {
        List<Item> batch = new ArrayList<>();
        long lastFlush = System.nanoTime();
        boolean dirty = false;
        try {
            while (true) {
                Item first = queue.poll();
                if (first == null && dirty) {
                    LockSupport.parkNanos(LINGER_NANOS);
                    first = queue.poll();
                    if (first == null) {
                        flush();
                        lastFlush = System.nanoTime();
                        dirty = false;
                    }
                }
                if (first == null) {
                    first = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                }
                batch.add(first);
                queue.drainTo(batch, 4096);
                long chars = 0;
                for (Item item : batch) {
                    if (item instanceof EndItem) {
                        finish();
                        return;
                    }
                    write(item);
                    if (item instanceof FrameItem f) {
                        chars += f.text().length() + ITEM_OVERHEAD;
                    }
                    dirty = true;
                    // A long burst still reaches the file every flush interval.
                    if (System.nanoTime() - lastFlush >= FLUSH_INTERVAL_NANOS) {
                        flush();
                        lastFlush = System.nanoTime();
                        dirty = false;
                    }
                }
                batch.clear();
                release(chars);
            }
        } catch (InterruptedException e) {
            finish();
        }
    }

    private void fail(IOException e) {
        if (failure != null) {
            return;
        }
        failure = isDiskFull(e) ? diskFull(file) : "cannot write " + file + ": " + e.getMessage();
        try {
            writer.abandon();
            cutAfterLastLine(file);
        } catch (IOException | RuntimeException ignored) {
            // The sentence already says the log stopped; a torn last line is all that can remain.
        }
        failureListener.accept(failure);
    }

    /**
     * Cuts {@code file} after its last newline, so a write torn by a full disk leaves only whole
     * lines (a reader would otherwise count the torn one as malformed).
     */
    static void cutAfterLastLine(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (end > 0) {
                long start = Math.max(0, end - buf.capacity());
                buf.clear().limit((int) (end - start));
                ch.read(buf, start);
                for (int i = buf.position() - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        ch.truncate(start + i + 1);
                        return;
                    }
                }
                end = start;
            }
            ch.truncate(0);
        }
    }

    private void release(long chars) {
        if (queuedChars.getAndAdd(-chars) > maxQueuedChars) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    private void write(Item item) {
        if (failure != null) {
            return;
        }
        try {
            if (item instanceof FrameItem f) {
                writer.writeFrame(f.at(), f.text());
            } else if (item instanceof MetaItem m) {
                writer.writeMeta(m.at(), m.kind(), m.fields());
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new IOException(e.getMessage(), e));
        }
    }

    private void flush() {
        if (failure != null) {
            return;
        }
        try {
            writer.flush();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void finish() {
        Item item;
        while ((item = queue.poll()) != null) {
            if (!(item instanceof EndItem)) {
                write(item);
            }
        }
        if (failure != null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            fail(e);
        }
    }
}
