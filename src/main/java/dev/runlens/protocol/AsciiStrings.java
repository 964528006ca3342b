package dev.runlens.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings read from ASCII bytes, given as the same instance for the same text while it stays in
 * a small table: a log repeats a few run and node ids hundreds of thousands of times, and one
 * instance per id means no copy per event, a hash computed once (the model looks ids up in hash
 * maps) and one string kept per id instead of one per execution. A lossy cache: a text whose
 * slot was taken by another is simply made again. Also unescapes the rare string with escapes.
 */
public final class AsciiStrings {
    private static final int SLOTS = 1024;
    private static final int MAX_LENGTH = 128;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];

    /** The text of the ASCII bytes {@code b[from..to)}. */
    String get(byte[] b, int from, int to) {
        int length = to - from;
        if (length > MAX_LENGTH) {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + b[k];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
            return strings[slot];
        }
        String s = new String(b, from, length, StandardCharsets.ISO_8859_1);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        strings[slot] = s;
        return s;
    }

    /** The text of the JSON string body {@code b[from..to)}, whose escapes were checked by the reader. */
    static String unescape(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        int k = from;
        while (k < to) {
            byte c = b[k++];
            if (c != '\\') {
                s.append((char) c);
                continue;
            }
            byte e = b[k++];
            switch (e) {
                case '"', '\\', '/' -> s.append((char) e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                default -> {  // 'u', checked by stringEnd
                    s.append((char) ((hex(b[k]) << 12) | (hex(b[k + 1]) << 8) | (hex(b[k + 2]) << 4) | hex(b[k + 3])));
                    k += 4;
                }
            }
        }
        return s.toString();
    }

    /**
     * The value of a hex digit, or a large negative number, so that four digits combined as
     * {@code h << 12 | h << 8 | h << 4 | h} are negative when any of them is not one.
     */
    public static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -0x10000;
    }
}
