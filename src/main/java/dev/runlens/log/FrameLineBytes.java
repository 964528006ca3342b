package dev.runlens.log;

import dev.runlens.json.Json;
import dev.runlens.protocol.AsciiStrings;

import java.nio.charset.StandardCharsets;

/**
 * The byte pass of {@link SessionLineParser}: the frame of a frame line exactly as
 * {@link SessionLogWriter} writes it, {@code {"at":"..","frame":".."}} or {@code {"frame":".."}},
 * unescaped into a buffer that is reused from line to line (no parser, no String). A summary
 * decodes the frame from these bytes; {@link SessionLineParser#frameLine} makes them the entry's
 * text. Any other line, or anything the tree might read otherwise (whitespace, other fields, an
 * escape in the time, a {@code \\u} escape beyond ASCII, control characters), is refused and takes
 * the tree. One per reading thread.
 */
final class FrameLineBytes {
    /** Frames up to this size reuse one buffer; a larger one gets its own, dropped after it. */
    private static final int SCRATCH_BYTES = 1 << 16;
    private static final byte[] AT_FIRST = ascii("{\"at\":\"");
    private static final byte[] FRAME_AFTER_AT = ascii(",\"frame\":\"");
    private static final byte[] FRAME_FIRST = ascii("{\"frame\":\"");

    private final byte[] scratch = new byte[SCRATCH_BYTES + 1];
    private byte[] out = scratch;
    private int length;
    private boolean ascii;
    private int atFrom;
    private int atTo;

    /** Reads the line {@code b[0..n)}; false when it is not a frame line as the writer writes it. */
    boolean read(byte[] b, int n) {
        int i;
        atFrom = -1;
        if (startsWith(b, n, 0, AT_FIRST)) {
            atFrom = AT_FIRST.length;
            i = atFrom;
            while (i < n && b[i] != '"') {
                if (b[i] < 0x20 || b[i] == '\\') {
                    return false;  // a control, an escape or a byte outside ASCII (negative)
                }
                i++;
            }
            atTo = i;
            if (!startsWith(b, n, i + 1, FRAME_AFTER_AT)) {
                return false;
            }
            i += 1 + FRAME_AFTER_AT.length;
        } else if (startsWith(b, n, 0, FRAME_FIRST)) {
            i = FRAME_FIRST.length;
        } else {
            return false;
        }
        out = n - i < scratch.length ? scratch : new byte[n - i + 1];
        int w = 0;
        boolean nonAscii = false;
        while (true) {
            if (i >= n) {
                return false;
            }
            byte c = b[i++];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                int e = i < n ? b[i++] : -1;
                switch (e) {
                    case '"', '\\', '/' -> out[w++] = (byte) e;
                    case 'b' -> out[w++] = '\b';
                    case 'f' -> out[w++] = '\f';
                    case 'n' -> out[w++] = '\n';
                    case 'r' -> out[w++] = '\r';
                    case 't' -> out[w++] = '\t';
                    case 'u' -> {
                        int v = i + 4 <= n ? AsciiStrings.hex(b[i]) << 12 | AsciiStrings.hex(b[i + 1]) << 8
                                | AsciiStrings.hex(b[i + 2]) << 4 | AsciiStrings.hex(b[i + 3]) : -1;
                        if (v < 0 || v >= 0x80) {
                            return false;
                        }
                        out[w++] = (byte) v;
                        i += 4;
                    }
                    default -> {
                        return false;
                    }
                }
            } else if (c >= 0 && c < 0x20) {
                return false;
            } else {
                nonAscii |= c < 0;
                out[w++] = c;
            }
        }
        if (i != n - 1 || b[i] != '}' || w > Json.MAX_STRING_LENGTH) {
            return false;
        }
        length = w;
        ascii = !nonAscii;
        return true;
    }

    /** The frame's bytes, {@code bytes()[0..length())}: UTF-8, all ASCII when {@link #ascii()}. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    boolean ascii() {
        return ascii;
    }

    /** Where the receive time's text starts in the line, or -1 for a line without one. */
    int atFrom() {
        return atFrom;
    }

    int atTo() {
        return atTo;
    }

    /**
     * The frame as text, or null when its bytes are not valid UTF-8 (or hold U+FFFD): the tree
     * decides those. All ASCII (the usual case): copied as it is, without UTF-8 decoding's scan.
     */
    String text() {
        if (ascii) {
            return new String(out, 0, length, StandardCharsets.ISO_8859_1);
        }
        String frame = new String(out, 0, length, StandardCharsets.UTF_8);
        return frame.indexOf('\uFFFD') >= 0 ? null : frame;
    }

    private static boolean startsWith(byte[] b, int n, int at, byte[] prefix) {
        if (at + prefix.length > n) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
