package dev.runlens.replay;

import java.nio.charset.StandardCharsets;

/**
 * The fastest path for the line Runlens writes for nearly every frame,
 * {@code {"at":"<time>","frame":"<escaped text>"}} (leading blanks allowed): a hand-written byte
 * scan with JSON string unescaping, no parser. ASCII only; any other shape, byte or escape
 * returns null and the line takes the Jackson paths, so results never differ from them.
 */
final class SessionLineScanner {
    private static final byte[] START = "{\"at\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = "\",\"frame\":\"".getBytes(StandardCharsets.US_ASCII);

    private char[] chars = new char[1024];
    private String at;
    private String frame;

    String at() {
        return at;
    }

    String frame() {
        return frame;
    }

    boolean scan(byte[] b, int length) {
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
        at = new String(b, atStart, i - atStart, StandardCharsets.ISO_8859_1);
        i += MIDDLE.length;
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        int n = 0;
        while (true) {
            if (i >= length) {
                return false;
            }
            int c = b[i++];
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                return false;  // control characters and non-ASCII bytes (negative)
            }
            if (c != '\\') {
                chars[n++] = (char) c;
                continue;
            }
            if (i >= length) {
                return false;
            }
            int e = b[i++];
            switch (e) {
                case '"', '\\', '/' -> chars[n++] = (char) e;
                case 'b' -> chars[n++] = '\b';
                case 'f' -> chars[n++] = '\f';
                case 'n' -> chars[n++] = '\n';
                case 'r' -> chars[n++] = '\r';
                case 't' -> chars[n++] = '\t';
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
                    chars[n++] = (char) v;
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
        frame = new String(chars, 0, n);
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
