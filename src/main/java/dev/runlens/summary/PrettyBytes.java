package dev.runlens.summary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A JSON writer straight to UTF-8 bytes in the layout of {@code Json.prettyGenerator} (two-space
 * indent, {@code "key": value}, empty containers as {@code []} and {@code {}}), for the summary's
 * tens of MB: Jackson's generator writes chars through a Writer and an encoder, which took over a
 * second for a million-event log. It writes exactly what that generator and an UTF-8
 * {@code OutputStreamWriter} write: Jackson's escapes ({@code \"}, {@code \\}, {@code \b \t \n \f \r},
 * other control characters as upper-case {@code u00XX} escapes, nothing else), other characters as UTF-8,
 * a surrogate without its pair as {@code ?}. {@code SummaryJsonTest} holds it to that.
 */
final class PrettyBytes {
    private static final int MAX_DEPTH = 64;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private byte[] buf = new byte[1 << 20];
    private int n;
    private int depth;
    private final boolean[] array = new boolean[MAX_DEPTH];
    private final boolean[] any = new boolean[MAX_DEPTH];
    private boolean afterField;
    private long dayCached = Long.MIN_VALUE;
    private final byte[] dayText = new byte[11];

    PrettyBytes(OutputStream out) {
        this.out = out;
    }

    void startObject() throws IOException {
        valuePrefix();
        put((byte) '{');
        open(false);
    }

    void endObject() throws IOException {
        close((byte) '}');
    }

    void startArray() throws IOException {
        valuePrefix();
        put((byte) '[');
        open(true);
    }

    void endArray() throws IOException {
        close((byte) ']');
    }

    /** A field name and the separator; the value follows. */
    void field(String name) throws IOException {
        fieldName(name);
        ensure(2);
        buf[n++] = ':';
        buf[n++] = ' ';
        afterField = true;
    }

    /** A field name alone, for a value whose separator comes from elsewhere ({@link #raw}). */
    void fieldName(String name) throws IOException {
        entryPrefix();
        quoted(name);
    }

    void string(String s) throws IOException {
        valuePrefix();
        quoted(s);
    }

    void number(long v) throws IOException {
        valuePrefix();
        if (v >= 0 && v < 10) {
            put((byte) ('0' + v));
        } else {
            ascii(Long.toString(v));
        }
    }

    void nullValue() throws IOException {
        valuePrefix();
        ascii("null");
    }

    /** An instant as {@link Instant#toString()} writes it, in quotes, or null. */
    void instant(Instant t) throws IOException {
        if (t == null) {
            nullValue();
            return;
        }
        valuePrefix();
        long sec = t.getEpochSecond();
        long day = Math.floorDiv(sec, 86_400);
        // Years 0000-9999 only; Instant.toString writes others with a sign or more digits.
        if (day < -719_528 || day > 2_932_896) {
            quoted(t.toString());
            return;
        }
        ensure(40);
        buf[n++] = '"';
        if (day != dayCached) {
            civilDay(day);
            dayCached = day;
        }
        System.arraycopy(dayText, 0, buf, n, 11);
        n += 11;
        int s = (int) (sec - day * 86_400);
        two(s / 3600);
        buf[n++] = ':';
        two(s / 60 % 60);
        buf[n++] = ':';
        two(s % 60);
        int nano = t.getNano();
        if (nano != 0) {
            buf[n++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(nano / 1000, 6);
            } else {
                digits(nano, 9);
            }
        }
        buf[n++] = 'Z';
        buf[n++] = '"';
    }

    /** Text already in this layout, starting right where the writer stands (after a {@link #fieldName}). */
    void raw(String text) throws IOException {
        afterField = false;
        utf8(text, 0, false);
    }

    void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
        out.flush();
    }

    private void open(boolean isArray) {
        depth++;
        array[depth] = isArray;
        any[depth] = false;
    }

    private void close(byte c) throws IOException {
        if (any[depth]) {
            newline(depth - 1);
        }
        depth--;
        put(c);
    }

    private void valuePrefix() throws IOException {
        if (afterField) {
            afterField = false;
        } else if (depth > 0 && array[depth]) {
            entryPrefix();
        }
    }

    private void entryPrefix() throws IOException {
        if (any[depth]) {
            put((byte) ',');
        }
        any[depth] = true;
        newline(depth);
    }

    private void newline(int level) throws IOException {
        ensure(1 + 2 * level);
        buf[n++] = '\n';
        for (int i = 0; i < level; i++) {
            buf[n++] = ' ';
            buf[n++] = ' ';
        }
    }

    private void quoted(String s) throws IOException {
        put((byte) '"');
        int len = s.length();
        ensure(len);
        int i = 0;
        // Plain ASCII, the usual case, one byte per character.
        while (i < len) {
            char c = s.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            buf[n++] = (byte) c;
            i++;
        }
        if (i < len) {
            utf8(s, i, true);
        }
        put((byte) '"');
    }

    /** Escaped as Jackson escapes (or not), encoded as an UTF-8 OutputStreamWriter encodes. */
    private void utf8(String s, int from, boolean escape) throws IOException {
        int len = s.length();
        for (int i = from; i < len; i++) {
            char c = s.charAt(i);
            ensure(6);
            if (c < 0x80) {
                if (!escape) {
                    buf[n++] = (byte) c;
                } else if (c == '"' || c == '\\') {
                    buf[n++] = '\\';
                    buf[n++] = (byte) c;
                } else if (c < 0x20) {
                    escapeControl(c);
                } else {
                    buf[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xC0 | (c >> 6));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[n++] = (byte) (0xF0 | (cp >> 18));
                    buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    buf[n++] = '?';  // what the UTF-8 encoder writes for a surrogate without its pair
                }
            } else {
                buf[n++] = (byte) (0xE0 | (c >> 12));
                buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void escapeControl(char c) {
        buf[n++] = '\\';
        switch (c) {
            case '\b' -> buf[n++] = 'b';
            case '\t' -> buf[n++] = 't';
            case '\n' -> buf[n++] = 'n';
            case '\f' -> buf[n++] = 'f';
            case '\r' -> buf[n++] = 'r';
            default -> {
                buf[n++] = 'u';
                buf[n++] = '0';
                buf[n++] = '0';
                buf[n++] = HEX[c >> 4];
                buf[n++] = HEX[c & 0xF];
            }
        }
    }

    /** {@code yyyy-MM-ddT} of an epoch day in years 0000-9999 (the civil calendar, proleptic Gregorian). */
    private void civilDay(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        dayText[0] = (byte) ('0' + y / 1000);
        dayText[1] = (byte) ('0' + y / 100 % 10);
        dayText[2] = (byte) ('0' + y / 10 % 10);
        dayText[3] = (byte) ('0' + y % 10);
        dayText[4] = '-';
        dayText[5] = (byte) ('0' + m / 10);
        dayText[6] = (byte) ('0' + m % 10);
        dayText[7] = '-';
        dayText[8] = (byte) ('0' + d / 10);
        dayText[9] = (byte) ('0' + d % 10);
        dayText[10] = 'T';
    }

    private void two(int v) {
        buf[n++] = (byte) ('0' + v / 10);
        buf[n++] = (byte) ('0' + v % 10);
    }

    private void digits(int v, int count) {
        for (int k = count - 1; k >= 0; k--) {
            buf[n + k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n += count;
    }

    private void ascii(String s) throws IOException {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buf[n++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) throws IOException {
        ensure(1);
        buf[n++] = b;
    }

    /** Room for {@code more} bytes: the buffer is written out, or grown for one huge value. */
    private void ensure(int more) throws IOException {
        if (n + more <= buf.length) {
            return;
        }
        out.write(buf, 0, n);
        n = 0;
        if (more > buf.length) {
            buf = Arrays.copyOf(buf, more);
        }
    }
}
