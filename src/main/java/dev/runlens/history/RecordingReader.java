package dev.runlens.history;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a recording for the index with the project's own reader. Session logs and JSON Lines
 * (uncompressed: what a live recording is) are read from a byte offset up to their last whole
 * line, so a growing file is read once and a half-written last line waits for the next pass.
 * Other forms are read whole.
 */
final class RecordingReader {
    private RecordingReader() {
    }

    /**
     * Streams the entries from {@code from} to {@code sink}; returns the offset read up to (the
     * file's size for forms read whole). {@code frameIndex} numbers the first frame.
     */
    static long read(LogReader reader, long from, long frameIndex, Consumer<LogEntry> sink) throws IOException {
        Path path = reader.path();
        if (!reader.appendable()) {
            reader.read(sink);
            return Files.size(path);
        }
        long limit = lastLineEnd(path);
        if (limit <= from) {
            return from;
        }
        reader.read(from, limit, frameIndex, 0, sink);
        return limit;
    }

    /** The offset just past the file's last line end (0 when it has none yet). */
    static long lastLineEnd(Path path) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            long pos = f.length();
            byte[] buf = new byte[8192];
            while (pos > 0) {
                int n = (int) Math.min(buf.length, pos);
                pos -= n;
                f.seek(pos);
                f.readFully(buf, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (buf[i] == '\n') {
                        return pos + i + 1;
                    }
                }
            }
            return 0;
        }
    }
}
