package dev.runlens.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file holding the text of entries that cannot be found again by offset in the log
 * (gzip, pretty, array and HAR forms), so their payloads stay out of the heap like the others'.
 * Appended by the indexing thread; read by any thread (positional reads). Deleted on close.
 */
final class Spool implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long written;
    private long flushed;

    Spool() throws IOException {
        file = Files.createTempFile("runlens-replay-", ".spool");
        file.toFile().deleteOnExit();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Appends text; returns its offset (the length in bytes is {@link #lastLength}). */
    synchronized long append(String text) throws IOException {
        byte[] b = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        long at = written;
        if (b.length > buffer.remaining()) {
            flushLocked();
        }
        if (b.length > buffer.capacity()) {
            ByteBuffer big = ByteBuffer.wrap(b);
            while (big.hasRemaining()) {
                channel.write(big, flushed + (b.length - big.remaining()));
            }
            flushed += b.length;
        } else {
            buffer.put(b);
        }
        written += b.length;
        lastLength = b.length;
        return at;
    }

    private int lastLength;

    synchronized int lastLength() {
        return lastLength;
    }

    private void flushLocked() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer, flushed);
        }
        buffer.clear();
    }

    String read(long offset, int length) throws IOException {
        synchronized (this) {
            if (offset + length > flushed) {
                flushLocked();
            }
        }
        return new String(FileRange.read(channel, offset, length), StandardCharsets.UTF_8);
    }

    synchronized long bytes() {
        return written;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
