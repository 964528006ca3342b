package dev.runlens.replay;

import dev.runlens.log.SessionLineParser;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.ReceivedFrame;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the text of an indexed entry back when it is inspected: from the log file by offset
 * (uncompressed session logs and JSON Lines), or from the spool file (other forms). Blocking and
 * thread-safe (positional reads): call it off the UI thread.
 */
public final class FrameStore {
    private final ReplayIndex index;
    private final Path file;
    private FileChannel log;

    FrameStore(ReplayIndex index, Path file) {
        this.index = index;
        this.file = file;
    }

    /**
     * The text of entry {@code i}: the frame exactly as received for frames (also malformed ones),
     * the whole line for session meta lines, the damaged text (or its preview) for unreadable pieces.
     * Throws IOException when the file can no longer be read or was changed since indexing.
     */
    public String text(int i) throws IOException {
        EntryTable t = index.table;
        int flags = t.flags(i);
        long offset = t.offset(i);
        int length = t.length(i);
        if ((flags & EntryTable.SPOOLED) != 0) {
            return index.spool().read(offset, length);
        }
        return fromLine(flags, offset, new String(FileRange.read(channel(), offset, length), StandardCharsets.UTF_8));
    }

    /** The entry's text from its line as read from the log (a BOM at the file's start dropped, a session line unwrapped). */
    static String fromLine(int flags, long offset, String line) throws IOException {
        if (offset == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        if ((flags & EntryTable.SESSION_LINE) != 0) {
            return SessionLineParser.frameText(line);
        }
        return line;
    }

    /** A reader of entries in file order for one thread (the replay worker playing forwards): one read per block, not per entry. */
    public SequentialTexts sequential() {
        return new SequentialTexts(index, this);
    }

    /**
     * Entry {@code i} as the live pipeline hands frames to the views: sequence, receive time,
     * exact text and the decoded event (with its payloads), and the line's offset in the log (-1
     * when the form has none). Meta lines and damaged pieces are not frames: for them the event is
     * a {@link dev.runlens.protocol.MalformedFrame} only for damaged pieces, and null for meta lines.
     */
    public ReceivedFrame receivedFrame(int i) throws IOException {
        IndexedEntry e = index.entry(i);
        String text = text(i);
        ProtocolEvent event;
        if (e.kind() == EntryKind.META) {
            event = null;
        } else if (e.kind() == EntryKind.CORRUPT) {
            event = MalformedFrame.notJson(index.markers.malformedReason(i), text);
        } else {
            event = EntryReplayer.decode(index, i, text);
        }
        return new ReceivedFrame(e.sequence(), e.receivedAt(), text, event, e.offset());
    }

    synchronized FileChannel channel() throws IOException {
        if (log == null) {
            log = FileChannel.open(file, StandardOpenOption.READ);
        }
        return log;
    }

    /** Closed by the index. */
    synchronized void close() throws IOException {
        if (log != null) {
            log.close();
            log = null;
        }
    }
}
