package dev.runlens.history;

import dev.runlens.log.LineInput;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogFormat;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionLineParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads a recording for the index with the project's own reader. Session logs and JSON Lines
 * (uncompressed: what a live recording is) are read from a byte offset up to their last whole
 * line, with the parser {@link LogReader} uses, so a growing file is read once and a half-written
 * last line waits for the next pass. Other forms are read whole.
 */
final class RecordingReader {
    private RecordingReader() {
    }

    /** True when the form can be read from an offset (and so grows incrementally). */
    static boolean appendable(LogReader reader) {
        return !reader.gzip() && (reader.format() == LogFormat.SESSION || reader.format() == LogFormat.JSON_LINES);
    }

    /**
     * Streams the entries from {@code from} to {@code sink}; returns the offset read up to (the
     * file's size for forms read whole). {@code frameIndex} numbers the first frame.
     */
    static long read(LogReader reader, long from, long frameIndex, Consumer<LogEntry> sink) throws IOException {
        Path path = reader.path();
        if (!appendable(reader)) {
            reader.read(sink);
            return java.nio.file.Files.size(path);
        }
        long limit = lastLineEnd(path);
        if (limit <= from) {
            return from;
        }
        boolean session = reader.format() == LogFormat.SESSION;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.position(from);
            InputStream in = bounded(Channels.newInputStream(ch), limit - from);
            LineInput lines = new LineInput(in);
            long index = frameIndex;
            long lineNo = 0;
            while (lines.next()) {
                lineNo++;
                if (lines.overlong()) {
                    sink.accept(lines.overlongEntry(lineNo));
                    continue;
                }
                if (lines.isBlank()) {
                    continue;
                }
                long offset = from + lines.offset();
                if (!session) {
                    sink.accept(new LogEntry.Frame(index++, null, lines.text(), null, offset, lines.length()));
                    continue;
                }
                LogEntry entry = SessionLineParser.parse(lines.bytes(), lines.length(), lineNo, lines.terminated(), index, offset);
                if (entry instanceof LogEntry.Frame) {
                    index++;
                }
                if (entry != null) {
                    sink.accept(entry);
                }
            }
        }
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

    private static InputStream bounded(InputStream in, long max) {
        return new InputStream() {
            private long left = max;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
