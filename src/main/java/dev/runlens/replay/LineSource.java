package dev.runlens.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into '\n'-terminated lines as bytes, with each line's byte offset; a trailing
 * '\r' is dropped. Behaves like the log package's line input, which session-log offsets rely on.
 */
final class LineSource {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 17];
    private int pos;
    private int limit;
    private long consumed;
    private byte[] line = new byte[4096];
    private int length;
    private long offset;
    private boolean terminated;

    LineSource(InputStream in) {
        this.in = in;
    }

    boolean next() throws IOException {
        length = 0;
        offset = consumed;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    terminated = false;
                    return any;
                }
            }
            any = true;
            int start = pos;
            int nl = indexOfNewline(start);
            int end = nl < 0 ? limit : nl;
            append(start, end - start);
            consumed += end - start;
            pos = end;
            if (nl >= 0) {
                pos++;
                consumed++;
                terminated = true;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buf;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int start, int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buf, start, line, length, n);
        length += n;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    long offset() {
        return offset;
    }

    boolean terminated() {
        return terminated;
    }

    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
