package dev.runlens.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads '\n'-separated lines as bytes and tracks each line's byte offset. */
public final class LineInput {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineOffset;
    private boolean lastLineTerminated;

    public LineInput(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end. */
    public boolean next() throws IOException {
        lineLength = 0;
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
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        }
        System.arraycopy(buf, start, line, lineLength, n);
        lineLength += n;
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
