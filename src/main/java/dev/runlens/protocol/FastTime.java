package dev.runlens.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Parses the common RFC 3339 shape {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z} without the
 * java.time parser, which dominates decoding time otherwise. Anything else returns null and
 * the caller uses {@link Instant#parse}. Also writes an instant as {@link Instant#toString}
 * does, without the java.time formatter, which dominated writing a large summary.
 */
public final class FastTime {
    private FastTime() {
    }

    /** The instant, or null where {@link Instant#parse} would fail. */
    public static Instant orNull(String s) {
        if (s == null) {
            return null;
        }
        Instant fast = parse(s);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The fast path only: null for anything but the common shape (then use Instant.parse). */
    public static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30) {
            return null;
        }
        // A char beyond Latin-1 becomes '?', which is no digit and no separator: null, as it should.
        return parse(s.getBytes(StandardCharsets.ISO_8859_1), 0, n);
    }

    /** {@link #parse(String)} of the ASCII text {@code b[from..to)}, without making it a String. */
    public static Instant parse(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 20 || n > 30 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
                || b[from + 13] != ':' || b[from + 16] != ':' || b[to - 1] != 'Z') {
            return null;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 + 3 || hour > 23 || minute > 59 || second > 59
                || hour < 0 || minute < 0 || second < 0 || day > daysIn(year, month)) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (b[from + 19] != '.' || n == 21) {
                return null;
            }
            int fraction = n - 21;
            int f = digits(b, from + 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = epochDay(year, month, day);
        return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, nanos);
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
    private static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: outside, {@link Instant#toString} differs in shape. */
    private static final long MIN_FORMATTED = -62_167_219_200L;
    private static final long MAX_FORMATTED = 253_402_300_800L;

    /**
     * Writes {@code t.toString()} into {@code out} (at least 30 chars) and returns its length, for
     * years 0 to 9999; returns -1 for other years (use {@link Instant#toString}).
     */
    public static int format(Instant t, char[] out) {
        long seconds = t.getEpochSecond();
        if (seconds < MIN_FORMATTED || seconds >= MAX_FORMATTED) {
            return -1;
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) (seconds - days * 86_400L);
        // civil_from_days (Howard Hinnant), the inverse of epochDay.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, day, 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int n = 19;
        int nanos = t.getNano();
        // As ISO_INSTANT: no fraction, or 3, 6 or 9 digits, whichever shows it exactly.
        if (nanos != 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1000 == 0) {
                put(out, n, nanos / 1000, 6);
                n += 6;
            } else {
                put(out, n, nanos, 9);
                n += 9;
            }
        }
        out[n++] = 'Z';
        return n;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
