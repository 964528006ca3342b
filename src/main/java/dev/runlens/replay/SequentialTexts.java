package dev.runlens.replay;

import dev.runlens.log.AsciiFrameLine;
import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionLineParser;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Entry texts for a thread that reads them mostly in file order (playing forwards): the log is
 * read a block at a time and each entry's text is decoded from the block, instead of one positional
 * read (a system call and a byte array) per entry, and a session line's frame is taken by the
 * session line parser's byte pass instead of a JSON tree of the line. At maximum speed the replay worker read a
 * 1,000,000-event log one entry at a time. Entries outside the block refill it from their offset;
 * spooled entries and lines longer than a block go through {@link FrameStore#text}. One thread only.
 */
public final class SequentialTexts {
    /** A block: a few hundred entries of a typical log (about 400 bytes a line). */
    static final int BLOCK = 256 * 1024;

    private final ReplayIndex index;
    private final FrameStore store;
    private final byte[] block = new byte[BLOCK];
    /** One entry's line, for the session line parser (which reads a line from its first byte). */
    private final byte[] line = new byte[BLOCK];
    /** The file offset of {@code block[0]}, and how many bytes of it are valid. */
    private long start = -1;
    private int valid;
    private int lastChars;
    private final AsciiFrameLine ascii = new AsciiFrameLine();

    SequentialTexts(ReplayIndex index, FrameStore store) {
        this.index = index;
        this.store = store;
    }

    /** The text of entry {@code i}, as {@link FrameStore#text} gives it. */
    public String text(int i) throws IOException {
        EntryTable t = index.table;
        int flags = t.flags(i);
        long offset = t.offset(i);
        int length = t.length(i);
        if ((flags & EntryTable.SPOOLED) != 0 || length > BLOCK) {
            return store.text(i);
        }
        // The session line's byte pass (SessionLineParser, as the indexer reads it): no line
        // string and no JSON tree per entry. Anything else it hands on to the tree below.
        if (sessionLine(i) && SessionLineParser.parse(line, length, 0, true, i, offset) instanceof LogEntry.Frame f) {
            return f.text();
        }
        inBlock(offset, length);
        return FrameStore.fromLine(flags, offset, new String(block, (int) (offset - start), length, StandardCharsets.UTF_8));
    }

    /**
     * Entry {@code i} decoded by {@code decoder}: a session line's ASCII frame from its bytes in the
     * block (no String of it: at maximum speed that String and the decoder's bytes of it were a
     * third of what a replay allocated), anything else from {@link #text}. {@link #lastChars} is
     * then the length of the entry's text, as {@code text(i).length()} would give it.
     */
    public ProtocolEvent decode(int i, FrameDecoder decoder) throws IOException {
        ProtocolEvent event = sessionLine(i) ? ascii.decode(line, index.table.length(i), decoder) : null;
        if (event != null) {
            lastChars = ascii.chars();
            return event;
        }
        String text = text(i);
        lastChars = text.length();
        return decoder.decode(text);
    }

    /**
     * Copies entry {@code i}'s line into {@link #line} when it is a session line read through the
     * block (not spooled, not longer than a block); false for any other entry.
     */
    private boolean sessionLine(int i) throws IOException {
        EntryTable t = index.table;
        int flags = t.flags(i);
        long offset = t.offset(i);
        int length = t.length(i);
        if ((flags & (EntryTable.SPOOLED | EntryTable.SESSION_LINE)) != EntryTable.SESSION_LINE || length > BLOCK || offset <= 0) {
            return false;
        }
        inBlock(offset, length);
        System.arraycopy(block, (int) (offset - start), line, 0, length);
        return true;
    }

    /** Reads the block holding bytes {@code [offset, offset + length)} unless it holds them already. */
    private void inBlock(long offset, int length) throws IOException {
        if (start < 0 || offset < start || offset + length > start + valid) {
            fill(offset, length);
        }
    }

    /** The length of the text of the entry {@link #decode} last decoded. */
    public int lastChars() {
        return lastChars;
    }

    private void fill(long offset, int length) throws IOException {
        FileChannel channel = store.channel();
        ByteBuffer b = ByteBuffer.wrap(block);
        start = offset;
        valid = 0;
        while (b.hasRemaining()) {
            int n = channel.read(b, offset + b.position());
            if (n < 0) {
                break;
            }
        }
        valid = b.position();
        if (valid < length) {
            start = -1;
            throw new EOFException("the file ends before byte " + (offset + length) + " (was it truncated?)");
        }
    }
}
