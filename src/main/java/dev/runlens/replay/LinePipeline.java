package dev.runlens.replay;

import dev.runlens.log.AsciiFrameLine;
import dev.runlens.log.LineInput;
import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionLineParser;
import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a session log or JSON Lines file on its own thread, decodes its frames there, and hands
 * the indexing thread batches of entries with their events: reading and decoding are about half
 * the indexing work, so the two halves run on two cores. Entries keep file order.
 */
final class LinePipeline implements AutoCloseable {
    /** One line's entry, where it is, its frame's event, and (for session meta lines of gzip files) its text. */
    record Item(LogEntry entry, long offset, int length, String line, ProtocolEvent event) {
    }

    private static final int BATCH = 512;
    private static final List<Item> END = new ArrayList<>();

    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(16);
    private final CountingInputStream counted;
    private final boolean gzip;
    private final boolean session;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;

    LinePipeline(Path file, boolean gzip, boolean session) throws IOException {
        this.counted = new CountingInputStream(java.nio.file.Files.newInputStream(file));
        this.gzip = gzip;
        this.session = session;
        this.thread = Thread.ofPlatform().daemon().name("runlens-replay-read").start(BackgroundPriority.lowered(this::produce));
    }

    long bytesRead() {
        return counted.count();
    }

    /** The next batch, empty at the end. Rethrows what the reading thread ran into. */
    List<Item> next() throws IOException {
        List<Item> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (batch == END) {
            Throwable f = failure;
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            return List.of();
        }
        return batch;
    }

    private void produce() {
        try (InputStream in = gzip ? new GZIPInputStream(counted, 1 << 16) : counted) {
            LineInput lines = new LineInput(in);
            // Decoding here too balances the two threads (it is half the work); the decoder's v2
            // stream table learns the subscribed lines in file order, as LogReader's readers do.
            FrameDecoder decoder = new FrameDecoder();
            AsciiFrameLine ascii = new AsciiFrameLine();
            long lineNo = 0;
            long frames = 0;
            List<Item> batch = new ArrayList<>(BATCH);
            try {
                while (!stopped && lines.next()) {
                    lineNo++;
                    if (lines.overlong()) {
                        batch.add(new Item(lines.overlongEntry(lineNo), -1, -1, null, null));
                        continue;
                    }
                    if (lines.isBlank()) {
                        continue;
                    }
                    long offset = gzip ? -1 : lines.offset();
                    int length = lines.length();
                    // An uncompressed session line keeps its place in the file, not its text: decoded from its bytes.
                    ProtocolEvent event = session && !gzip ? ascii.decode(lines.bytes(), length, decoder) : null;
                    LogEntry e;
                    String line = null;
                    if (event != null) {
                        e = new LogEntry.Frame(frames++, ascii.receivedAt(), null, null, offset, length);
                    } else {
                        e = session
                                ? SessionLineParser.parse(lines.bytes(), length, lineNo, lines.terminated(), frames, offset)
                                : new LogEntry.Frame(frames, null, lines.text(), null, offset, length);
                        if (e instanceof LogEntry.Frame f) {
                            frames++;
                            event = decoder.decode(f.text());
                        } else if (e instanceof LogEntry.Meta m) {
                            SessionMeta.register(m, decoder);
                            if (gzip) {
                                line = new String(lines.bytes(), 0, length, StandardCharsets.UTF_8);
                            }
                        } else if (e == null) {
                            continue;
                        }
                    }
                    batch.add(new Item(e, offset, length, line, event));
                    if (batch.size() == BATCH) {
                        put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
            } catch (EOFException | ZipException e) {
                batch.add(new Item(new LogEntry.Corrupt("the compressed file ends abruptly (" + e.getMessage() + ")", ""), -1, -1, null, null));
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            put(END);
        }
    }

    private void put(List<Item> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
    }
}
