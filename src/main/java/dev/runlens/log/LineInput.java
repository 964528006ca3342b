package dev.runlens.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads '\n'-separated lines as bytes and tracks each line's byte offset. A line longer than
 * {@link #MAX_LINE_BYTES} (a gzip that inflates to a gigabyte without a newline, say) is not
 * kept: its first bytes are, for a preview, the rest is skipped up to the next newline, and
 * {@link #overlong()} tells the reader to refuse it. Memory stays within that bound.
 */
public final class LineInput {
    /**
     * The longest line read: 256 MiB. A frame within the connection's default limit (64 MB) fits
     * even if the session log had to escape every other character of it.
     */
    public static final int MAX_LINE_BYTES = 256 * 1024 * 1024;
    private static final int PREVIEW_BYTES = 200;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineOffset;
    private boolean lastLineTerminated;
    private long fullLength;

    public LineInput(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    /** With another bound, for tests. */
    LineInput(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Advances to the next line; false at the end. */
    public boolean next() throws IOException {
        if (fullLength > maxLine) {
            line = new byte[1024];  // the over-long line's buffer goes with it
        }
        lineLength = 0;
        fullLength = 0;
        lineOffset = consumed;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    lastLineTerminated = false;
                    return any;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            consumed += pos - start;
            if (pos < limit) {
                pos++;
                consumed++;
                lastLineTerminated = true;
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
        }
    }

    private void append(int start, int n) {
        fullLength += n;
        if (fullLength > maxLine) {
            // Over-long: keep a preview only; a '\r' at the end is no longer trimmed (it is refused anyway).
            lineLength = Math.min(lineLength, PREVIEW_BYTES);
            n = Math.min(n, PREVIEW_BYTES - lineLength);
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, lineLength + n), Math.max(maxLine, PREVIEW_BYTES)));
        }
        System.arraycopy(buf, start, line, lineLength, n);
        lineLength += n;
    }

    /** The line was longer than the bound: {@link #bytes()} holds only its first bytes. */
    public boolean overlong() {
        return fullLength > maxLine;
    }

    /**
     * The one sentence for an over-long line {@code lineNo}; reading goes on with the next line.
     */
    public LogEntry.Corrupt overlongEntry(long lineNo) {
        String preview = new String(line, 0, Math.min(lineLength, PREVIEW_BYTES), StandardCharsets.UTF_8);
        String bound = maxLine % (1 << 20) == 0 ? (maxLine >> 20) + " MiB" : maxLine + " bytes";
        return new LogEntry.Corrupt("line " + lineNo + " is longer than " + bound + " (" + fullLength
                + " bytes" + (lastLineTerminated ? "" : ", without an end") + "): skipped", preview);
    }

    public byte[] bytes() {
        return line;
    }

    public int length() {
        return lineLength;
    }

    public long offset() {
        return lineOffset;
    }

    /** False when the current line ended at end of file without a newline (possibly torn). */
    public boolean terminated() {
        return lastLineTerminated;
    }

    public boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The line as UTF-8 text, without the byte-order mark the file may start with. */
    public String text() {
        boolean bom = lineOffset == 0 && lineLength >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF;
        return bom ? new String(line, 3, lineLength - 3, StandardCharsets.UTF_8)
                : new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }
}
