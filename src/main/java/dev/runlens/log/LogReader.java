package dev.runlens.log;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads any log form Runlens understands, streaming, so memory stays flat however big the file.
 * The form is detected from content; gzip is detected from its magic bytes.
 */
public final class LogReader {
    private static final int PEEK = 1 << 16;

    private final Path path;
    private final boolean gzip;
    private final LogFormat format;
    private final SessionHeader header;

    private LogReader(Path path, boolean gzip, LogFormat format, SessionHeader header) {
        this.path = path;
        this.gzip = gzip;
        this.format = format;
        this.header = header;
    }

    /**
     * Detects the form of a file. Throws {@link NoSuchFileException}, {@link AccessDeniedException}
     * or {@link LogFormatException} (with a sentence fit for the user) when it cannot be read.
     */
    public static LogReader open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new LogFormatException(path + " is a directory, not a log file");
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(path.toString(), null, "not readable");
        }
        boolean gzip;
        try (InputStream raw = Files.newInputStream(path)) {
            byte[] magic = raw.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
        byte[] prefix;
        try (InputStream in = stream(path, gzip)) {
            prefix = in.readNBytes(PEEK);
        } catch (EOFException | ZipException e) {
            throw new LogFormatException(path + " is a damaged gzip file (" + e.getMessage() + ")");
        }
        LogDetector.Detected d = LogDetector.detect(path, prefix);
        return new LogReader(path, gzip, d.format(), d.header());
    }

    private static InputStream stream(Path path, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), PEEK);
        return gzip ? new GZIPInputStream(in, PEEK) : in;
    }

    public Path path() {
        return path;
    }

    public LogFormat format() {
        return format;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The session header, for session logs; else null. */
    public SessionHeader header() {
        return header;
    }

    /**
     * A sink that takes the frame of a session frame line as bytes (a summary decodes them without
     * making a String): {@code frame[0..length)} is all ASCII, exactly the text the entry would have
     * carried, valid only during the call, and the byte after it may be overwritten. Every other
     * entry, a frame outside ASCII too, still comes through {@link #accept}.
     */
    public interface AsciiFrameSink extends Consumer<LogEntry> {
        void asciiFrame(byte[] frame, int length);
    }

    /**
     * Streams every entry to {@code sink}, in file order. A damaged part becomes a
     * {@link LogEntry.Corrupt} entry and reading goes on where it can. An {@link AsciiFrameSink}
     * gets the ASCII frames of a session log as bytes.
     */
    public void read(Consumer<LogEntry> sink) throws IOException {
        try (InputStream in = stream(path, gzip)) {
            switch (format) {
                case SESSION, JSON_LINES -> readLines(in, gzip ? -1 : 0, 0, 0, sink);
                case PRETTY -> readScanned(in, false, sink);
                case ARRAY -> readScanned(in, true, sink);
                case HAR -> HarFrames.read(in, sink);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (EOFException | ZipException e) {
            sink.accept(new LogEntry.Corrupt("the compressed file ends abruptly (" + e.getMessage() + ")", ""));
        }
    }

    /** True for an uncompressed session log or JSON Lines file: one that can be read from a byte offset. */
    public boolean appendable() {
        return !gzip && (format == LogFormat.SESSION || format == LogFormat.JSON_LINES);
    }

    /**
     * Streams the entries of an {@link #appendable()} file from byte {@code from} up to byte
     * {@code to} (a line start and a line end), numbering frames from {@code frameIndex} and lines
     * after {@code lineNo}: how a growing recording is read a part at a time.
     */
    public void read(long from, long to, long frameIndex, long lineNo, Consumer<LogEntry> sink) throws IOException {
        if (!appendable()) {
            throw new IllegalStateException(path + " is read whole, not from an offset");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.position(from);
            readLines(bounded(Channels.newInputStream(ch), to - from), from, frameIndex, lineNo, sink);
        }
    }

    /** Reads lines from {@code in}; {@code base} is the stream's byte offset in the file, -1 when offsets mean nothing (gzip). */
    private void readLines(InputStream in, long base, long frameIndex, long firstLineNo, Consumer<LogEntry> sink) throws IOException {
        LineInput lines = new LineInput(in);
        boolean session = format == LogFormat.SESSION;
        AsciiFrameSink bytesSink = session && sink instanceof AsciiFrameSink s ? s : null;
        FrameLineBytes frameBytes = bytesSink != null ? new FrameLineBytes() : null;
        long index = frameIndex;
        long lineNo = firstLineNo;
        while (lines.next()) {
            lineNo++;
            if (lines.overlong()) {
                sink.accept(lines.overlongEntry(lineNo));
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            long offset = base < 0 ? -1 : base + lines.offset();
            if (!session) {
                sink.accept(new LogEntry.Frame(index++, null, lines.text(), null, offset, lines.length()));
                continue;
            }
            if (bytesSink != null && frameBytes.read(lines.bytes(), lines.length()) && frameBytes.ascii()) {
                bytesSink.asciiFrame(frameBytes.bytes(), frameBytes.length());
                index++;
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

    private void readScanned(InputStream in, boolean array, Consumer<LogEntry> sink) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        if (array) {
            int c;
            do {
                c = reader.read();
            } while (c != -1 && c != '[');
        }
        ValueScanner scanner = new ValueScanner(reader, array);
        long index = 0;
        ValueScanner.Chunk chunk;
        while ((chunk = scanner.next()) != null) {
            if (chunk.problem() != null) {
                sink.accept(new LogEntry.Corrupt(chunk.problem(), SessionLineParser.preview(chunk.text())));
            } else {
                sink.accept(new LogEntry.Frame(index++, null, chunk.text(), null, -1, -1));
            }
        }
    }
}
