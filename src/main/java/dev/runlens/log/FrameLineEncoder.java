package dev.runlens.log;

import com.fasterxml.jackson.core.io.CharTypes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes frame lines ({@code {"at":"...","frame":"..."}}) as UTF-8 bytes, byte for byte what
 * Jackson's UTF-8 generator writes for them (its escape table, upper-case hex, characters outside
 * the BMP as escaped surrogate pairs), without its per-field bookkeeping: a live recording writes
 * one of these per received frame, and Jackson's path was most of the recorder thread's CPU.
 * Long frames are written through a fixed buffer, so a frame of tens of MB needs no copy of its size.
 * Not thread-safe.
 */
final class FrameLineEncoder {
    private static final int[] ESCAPES = CharTypes.get7BitOutputEscapes();
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AT_OPEN = ("{\"" + SessionLogFormat.AT + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FRAME_OPEN = ("\"" + SessionLogFormat.FRAME + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "\"}\n".getBytes(StandardCharsets.US_ASCII);
    /** Room left for the longest thing written without a check: a 6-byte escape, or the line's end. */
    private static final int SLACK = 16;

    private final byte[] buf = new byte[1 << 15];
    private final char[] chars = new char[1 << 12];
    private int pos;
    private long second = Long.MIN_VALUE;
    /** {@code Instant.toString()} of {@link #second} without its {@code Z}, as ASCII bytes. */
    private byte[] secondText;

    /** Writes one frame line to {@code out}; {@code at} may be null (no receive time). */
    void write(OutputStream out, Instant at, String text) throws IOException {
        if (at != null) {
            put(AT_OPEN);
            instant(at);
            buf[pos++] = '"';
            buf[pos++] = ',';
            put(FRAME_OPEN);
        } else {
            buf[pos++] = '{';
            put(FRAME_OPEN);
        }
        string(out, text);
        put(CLOSE);
        out.write(buf, 0, pos);
        pos = 0;
    }

    /**
     * Exactly {@link Instant#toString()}. Frames of one second share the date-time text, made
     * once; only the fraction (3, 6 or 9 digits, as ISO_INSTANT prints it) is new.
     */
    private void instant(Instant at) {
        long s = at.getEpochSecond();
        if (s != second) {
            String whole = Instant.ofEpochSecond(s).toString();
            secondText = whole.substring(0, whole.length() - 1).getBytes(StandardCharsets.US_ASCII);
            second = s;
        }
        put(secondText);
        int nano = at.getNano();
        if (nano != 0) {
            buf[pos++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(nano / 1000, 6);
            } else {
                digits(nano, 9);
            }
        }
        buf[pos++] = 'Z';
    }

    /** {@code value} as exactly {@code count} decimal digits, written from the last (division by a constant). */
    private void digits(int value, int count) {
        for (int k = pos + count - 1; k >= pos; k--) {
            buf[k] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += count;
    }

    private void string(OutputStream out, String text) throws IOException {
        byte[] b = buf;
        char[] cs = chars;
        int p = pos;
        int limit = b.length - SLACK;
        for (int from = 0, n = text.length(); from < n; from += cs.length) {
            // A bulk copy, then a loop over a plain array: half the time of charAt per character.
            int m = Math.min(n - from, cs.length);
            text.getChars(from, from + m, cs, 0);
            for (int i = 0; i < m; i++) {
                if (p >= limit) {
                    out.write(b, 0, p);
                    p = 0;
                }
                char c = cs[i];
                if (c < 0x80) {
                    int escape = ESCAPES[c];
                    if (escape == 0) {
                        b[p++] = (byte) c;
                    } else if (escape > 0) {
                        b[p++] = '\\';
                        b[p++] = (byte) escape;
                    } else {
                        p = unicodeEscape(b, p, c);
                    }
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    p = unicodeEscape(b, p, c);
                } else {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        pos = p;
        if (pos >= limit) {
            out.write(b, 0, pos);
            pos = 0;
        }
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }
}
