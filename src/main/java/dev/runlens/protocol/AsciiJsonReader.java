package dev.runlens.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over one frame written in plain ASCII, reading JSON exactly as strictly as Jackson's
 * default parser (RFC 8259) and no more leniently: for {@link AsciiFrameDecoder}. Anything it does
 * not take (a byte outside ASCII, an escape in a field name, a number it does not read, very deep
 * payloads) throws {@link Reject}, and the frame goes to the tree decoder. It reads bytes (the
 * frame's own, or the caller's buffer, which it does not keep), builds no tokens and gives run and
 * node ids one instance per text ({@link AsciiStrings}). Not thread-safe.
 */
final class AsciiJsonReader {
    /** Deeper payloads are left to Jackson, whose limit ({@code Json.MAX_NESTING_DEPTH}) is higher. */
    private static final int MAX_DEPTH = 200;

    private final AsciiStrings ids = new AsciiStrings();
    private byte[] b;
    private int n;
    private int i;
    private boolean lastEscaped;  // whether the string stringEnd() last passed had an escape
    private boolean lastIntegral;  // whether the number numberText() last read had no fraction or exponent

    /** Starts on {@code frame}; false when it is not all ASCII (the caller leaves it to the tree). */
    boolean start(String frame) {
        // UTF-8 has one byte per char exactly when every char is ASCII.
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return bytes.length == frame.length() && start(bytes, 0, bytes.length);
    }

    /**
     * Starts on the frame {@code bytes[from..to)}, read until {@link #end()}. A byte outside ASCII
     * (negative) is below every character the reader takes, so it rejects wherever it stands. In a
     * longer buffer the byte after the frame becomes 0, which rejects too: a cut-off frame never
     * reads on into what an earlier frame left there.
     */
    boolean start(byte[] bytes, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        if (to < bytes.length) {
            bytes[to] = 0;
        }
        b = bytes;
        n = to;
        i = from;
        return true;
    }

    void end() {
        b = null;
    }

    /** Only whitespace is left. */
    boolean atEnd() {
        ws();
        return i == n;
    }

    boolean at(char c) {
        return b[i] == c;
    }

    /** After a member or element: true past a comma, false past {@code close}. */
    boolean more(char close) {
        ws();
        if (b[i] == ',') {
            i++;
            ws();
            return true;
        }
        expect(close);
        return false;
    }

    /** Which of {@code names} the field name at the cursor is, or -1; moves past the colon. */
    int fieldName(byte[][] names) {
        int start = stringEnd();
        if (lastEscaped) {
            throw Reject.INSTANCE;
        }
        int k = find(names, start + 1, i - 1 - (start + 1));
        ws();
        expect(':');
        ws();
        return k;
    }

    /** Which of {@code values} the string value at the cursor is; anything else rejects. */
    int oneOf(byte[][] values) {
        int start = stringEnd();
        int k = find(values, start + 1, i - 1 - (start + 1));
        if (k < 0 || lastEscaped) {
            throw Reject.INSTANCE;
        }
        return k;
    }

    /** The index of the text {@code b[from, from + length)} among {@code names}, or -1. */
    private int find(byte[][] names, int from, int length) {
        for (int k = 0; k < names.length; k++) {
            byte[] name = names[k];
            if (name.length == length && same(name, from)) {
                return k;
            }
        }
        return -1;
    }

    private boolean same(byte[] name, int from) {
        for (int k = 0; k < name.length; k++) {
            if (b[from + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** Moves past a {@code null} at the cursor if there is one. */
    boolean skipNull() {
        if (b[i] == 'n' && i + 4 <= n && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l' && endsValue(i + 4)) {
            i += 4;
            return true;
        }
        return false;
    }

    /** A run or node id: a string value, one instance per text. */
    String id() {
        int start = stringEnd();
        return lastEscaped ? AsciiStrings.unescape(b, start + 1, i - 1) : ids.get(b, start + 1, i - 1);
    }

    /** A string value as its text, unescaped. */
    String string() {
        int start = stringEnd();
        return lastEscaped ? AsciiStrings.unescape(b, start + 1, i - 1) : text(start + 1, i - 1);
    }

    /**
     * Moves past a string value without an escape and returns where its text starts (it ends
     * before the closing quote, at {@link #position()} - 1); -1 if it has an escape.
     */
    int plainStringStart() {
        int start = stringEnd();
        return lastEscaped ? -1 : start + 1;
    }

    int position() {
        return i;
    }

    byte[] bytes() {
        return b;
    }

    /** The text of {@code b[from..to)}, which is ASCII. */
    private String text(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    List<String> strings() {
        expect('[');
        ws();
        List<String> list = new ArrayList<>();
        if (b[i] == ']') {
            i++;
            return list;
        }
        do {
            list.add(string());
        } while (more(']'));
        return list;
    }

    /** The text of the object (or, with {@code arrays}, array) at the cursor, checked as the parser would. */
    String raw(boolean arrays) {
        if (b[i] != '{' && !(arrays && b[i] == '[')) {
            throw Reject.INSTANCE;
        }
        int start = i;
        skipValue(0);
        return text(start, i);
    }

    /**
     * Checks the string at the cursor (which must start with a quote) and moves past its closing
     * quote; returns where it started. Control characters, bad escapes and an unterminated string
     * reject the frame.
     */
    private int stringEnd() {
        // Locals, not the fields, in the loop: the compiled loop keeps them in registers.
        byte[] b = this.b;
        int start = i;
        if (b[start] != '"') {
            throw Reject.INSTANCE;
        }
        int p = start + 1;
        boolean escaped = false;
        while (true) {
            byte c = b[p++];
            if (c == '"') {
                i = p;
                lastEscaped = escaped;
                return start;
            }
            if (c < 0x20) {  // a control character, or a byte outside ASCII (negative)
                throw Reject.INSTANCE;
            }
            if (c == '\\') {
                escaped = true;
                byte e = b[p++];
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        for (int k = 0; k < 4; k++) {
                            if (AsciiStrings.hex(b[p++]) < 0) {
                                throw Reject.INSTANCE;
                            }
                        }
                    }
                    default -> throw Reject.INSTANCE;
                }
            }
        }
    }

    /** A non-negative integer of at most 18 digits without a leading zero (else left to Jackson). */
    long unsignedLong() {
        int start = i;
        long v = 0;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i++] - '0');
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0') || !endsValue(i)) {
            throw Reject.INSTANCE;
        }
        return v;
    }

    /** A non-negative int, as Jackson's {@code NumberType.INT}. */
    int unsignedInt() {
        return Math.toIntExact(unsignedLong());
    }

    /** The text of the number at the cursor; {@link #integral()} tells its kind. */
    String numberText() {
        int start = i;
        number();
        return text(start, i);
    }

    boolean integral() {
        return lastIntegral;
    }

    /** What may follow a number or literal: the next token or whitespace. */
    private boolean endsValue(int at) {
        if (at >= n) {
            return false;  // the frame cannot end inside an object
        }
        byte c = b[at];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Checks any JSON value at the cursor and moves past it. */
    void skipValue(int depth) {
        byte c = b[i];
        switch (c) {
            case '{' -> {
                if (depth >= MAX_DEPTH) {
                    throw Reject.INSTANCE;
                }
                i++;
                ws();
                if (b[i] == '}') {
                    i++;
                    return;
                }
                do {
                    stringEnd();
                    ws();
                    expect(':');
                    ws();
                    skipValue(depth + 1);
                } while (more('}'));
            }
            case '[' -> {
                if (depth >= MAX_DEPTH) {
                    throw Reject.INSTANCE;
                }
                i++;
                ws();
                if (b[i] == ']') {
                    i++;
                    return;
                }
                do {
                    skipValue(depth + 1);
                } while (more(']'));
            }
            case '"' -> stringEnd();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[i++] != word.charAt(k)) {
                throw Reject.INSTANCE;
            }
        }
        if (!endsValue(i)) {
            throw Reject.INSTANCE;
        }
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]{1,9})?}, at most 100 characters. */
    private void number() {
        int start = i;
        lastIntegral = true;
        if (b[i] == '-') {
            i++;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            digits();
        } else {
            throw Reject.INSTANCE;
        }
        if (b[i] == '.') {
            i++;
            lastIntegral = false;
            if (digits() == 0) {
                throw Reject.INSTANCE;
            }
        }
        if (b[i] == 'e' || b[i] == 'E') {
            i++;
            lastIntegral = false;
            if (b[i] == '+' || b[i] == '-') {
                i++;
            }
            int exponentDigits = digits();
            // More than 9 digits may overflow a BigDecimal's scale, which Jackson refuses: the tree decides.
            if (exponentDigits == 0 || exponentDigits > 9) {
                throw Reject.INSTANCE;
            }
        }
        if (i - start > 100 || !endsValue(i)) {
            throw Reject.INSTANCE;
        }
    }

    private int digits() {
        int start = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }

    void ws() {
        while (i < n) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    void expect(char c) {
        if (b[i] != c) {
            throw Reject.INSTANCE;
        }
        i++;
    }

    /** Leaves the frame to the tree decoder; thrown often enough on odd input to carry no stack. */
    static final class Reject extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Reject INSTANCE = new Reject();

        private Reject() {
            super(null, null, false, false);
        }
    }
}
