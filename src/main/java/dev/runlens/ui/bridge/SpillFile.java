package dev.runlens.ui.bridge;

import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.ui.rows.FrameRef;
import dev.runlens.ui.rows.FrameSummary;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps frame texts findable without holding big ones in the heap: texts up to
 * {@link #inlineLimit} chars stay in memory, longer ones are appended to a spill file by the
 * producing thread and read back on demand (off the FX thread). Thread-safe.
 */
public final class SpillFile implements AutoCloseable {
    public static final int DEFAULT_INLINE_LIMIT = 64 * 1024;

    private final int inlineLimit;
    private Path spillFile;
    private FileChannel spill;
    private long spillSize;

    public SpillFile() {
        this(DEFAULT_INLINE_LIMIT);
    }

    public SpillFile(int inlineLimit) {
        this.inlineLimit = inlineLimit;
    }

    public FrameRef put(String text) {
        if (text == null) {
            return new FrameRef.Inline("");
        }
        if (text.length() <= inlineLimit) {
            return new FrameRef.Inline(text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                if (spill == null) {
                    spillFile = Files.createTempFile("runlens-frames-", ".spill");
                    spillFile.toFile().deleteOnExit();
                    spill = FileChannel.open(spillFile, StandardOpenOption.WRITE, StandardOpenOption.READ);
                }
                long offset = spillSize;
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    spill.write(buf, offset + buf.position());
                }
                spillSize += bytes.length;
                return new FrameRef.InFile(spillFile, offset, bytes.length, text.length());
            } catch (IOException e) {
                // Keeping the text is better than losing the frame.
                return new FrameRef.Inline(text);
            }
        }
    }

    /** The frame's text. Blocks on file I/O for spilled frames: call off the FX thread. */
    public static String load(FrameRef ref) {
        if (ref instanceof FrameRef.Inline in) {
            return in.text();
        }
        if (ref instanceof FrameRef.InLog l) {
            try {
                return l.log().text(l.entry());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read entry " + l.entry() + " back from its log", e);
            }
        }
        FrameRef.InFile f = (FrameRef.InFile) ref;
        try (RandomAccessFile raf = new RandomAccessFile(f.file().toFile(), "r")) {
            byte[] bytes = new byte[f.bytes()];
            raf.seek(f.offset());
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored frame back from " + f.file(), e);
        }
    }

    /**
     * The event log's one-line summary of a frame kept in a log, made from the entry decoded again
     * (blocking: off the FX thread). Never throws: an unreadable entry says so.
     */
    public static String summary(FrameRef.InLog ref) {
        try {
            ProtocolEvent event = ref.log().event(ref.entry());
            return event == null ? "" : FrameSummary.of(event, ref.length());
        } catch (IOException | RuntimeException e) {
            return "(cannot read entry " + ref.entry() + " back: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(spillFile);
            } catch (IOException e) {
                // A temp file left behind is harmless; deleteOnExit tries again.
            }
            spill = null;
        }
    }
}
