package dev.runlens.log;

import dev.runlens.protocol.FastTime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The fastest path for the line Runlens writes for nearly every frame,
 * {@code {"at":"<time>","frame":"<escaped text>"}} (blanks around it allowed): a hand-written byte
 * scan with JSON string unescaping, no parser and no parser objects per line. ASCII only; any other
 * shape, byte or escape returns false and the line takes the Jackson paths, so the entries read
 * never differ from theirs. The unescaped frame is also kept as ASCII bytes, so the replay index
 * can parse it without making a String.
 */
public final class FrameLineScanner {
    private static final byte[] START = "{\"at\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = "\",\"frame\":\"".getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[1024];
    private int outLength;
    private byte[] line;
    private int atStart;
    private int atEnd;

    /** The receive time text of the last line scanned (while its line's bytes are unchanged). */
    public String at() {
        return new String(line, atStart, atEnd - atStart, StandardCharsets.ISO_8859_1);
    }

    /** The receive time of the last line scanned in the usual shape, read from its bytes; else null (then parse {@link #at()}). */
    public Instant fastAt() {
        return FastTime.parse(line, atStart, atEnd);
    }

    /** The unescaped frame of the last line scanned. */
    public String frame() {
        return new String(out, 0, outLength, StandardCharsets.ISO_8859_1);
    }

    /** The unescaped frame, ASCII bytes {@code 0..frameLength()-1} of this buffer (reused by the next scan). */
    public byte[] frameBytes() {
        return out;
    }

    public int frameLength() {
        return outLength;
    }

    /** True when {@code b[0..length)} is such a line; then {@link #at()} and the frame are set. */
    public boolean scan(byte[] b, int length) {
        int i = 0;
        while (i < length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (!matches(b, length, i, START)) {
            return false;
        }
        i += START.length;
        int atStart = i;
        while (i < length && b[i] != '"') {
            if (b[i] < 0x20 || b[i] == '\\') {
                return false;
            }
            i++;
        }
        if (!matches(b, length, i, MIDDLE)) {
            return false;
        }
        line = b;
        this.atStart = atStart;
        atEnd = i;
        i += MIDDLE.length;
        if (out.length < length) {
            out = new byte[Math.max(length, out.length * 2)];
        }
        byte[] o = out;
        int n = 0;
        while (true) {
            // A run of plain characters: find its end, then copy it in one go.
            int run = i;
            while (i < length) {
                byte c = b[i];
                if (c == '"' || c == '\\' || c < 0x20) {
                    break;
                }
                i++;
            }
            System.arraycopy(b, run, o, n, i - run);
            n += i - run;
            if (i >= length) {
                return false;
            }
            int c = b[i++];
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                return false;  // control characters and non-ASCII bytes (negative)
            }
            if (i >= length) {
                return false;
            }
            int e = b[i++];
            switch (e) {
                case '"', '\\', '/' -> o[n++] = (byte) e;
                case 'b' -> o[n++] = '\b';
                case 'f' -> o[n++] = '\f';
                case 'n' -> o[n++] = '\n';
                case 'r' -> o[n++] = '\r';
                case 't' -> o[n++] = '\t';
                case 'u' -> {
                    if (i + 4 > length) {
                        return false;
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int h = Character.digit(b[i++], 16);
                        if (h < 0) {
                            return false;
                        }
                        v = v * 16 + h;
                    }
                    if (v >= 0x80) {
                        return false;  // not ASCII: leave it to Jackson
                    }
                    o[n++] = (byte) v;
                }
                default -> {
                    return false;
                }
            }
        }
        if (i >= length || b[i++] != '}') {
            return false;
        }
        while (i < length) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
            i++;
        }
        outLength = n;
        return true;
    }

    private static boolean matches(byte[] b, int length, int at, byte[] expected) {
        if (at + expected.length > length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (b[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }
}
