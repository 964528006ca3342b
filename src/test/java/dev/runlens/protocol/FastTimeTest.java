package dev.runlens.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link FastTime} reads and writes exactly what {@link Instant#parse} and {@link Instant#toString} do. */
class FastTimeTest {

    @Test
    void formatWritesWhatToStringWrites() {
        char[] out = new char[32];
        SplittableRandom rnd = new SplittableRandom(15);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] nanos = {0, 1, 999_999_999, 120_000_000, 120_000, 120, 5_000_000, 500_000_000};
        for (int i = 0; i < 200_000; i++) {
            long s = i % 3 == 0 ? rnd.nextLong(min, max + 1) : rnd.nextLong(0, 4_102_444_800L);
            int n = i % 2 == 0 ? nanos[i % nanos.length] : rnd.nextInt(1_000_000_000);
            Instant t = Instant.ofEpochSecond(s, n);
            int length = FastTime.format(t, out);
            assertEquals(t.toString(), new String(out, 0, length));
            assertEquals(t, FastTime.orNull(t.toString()));
        }
    }

    @Test
    void bytesParseAsTheirText() {
        String[] texts = {"2026-11-22T08:00:00Z", "2026-11-22T08:00:00.000000599Z", "2026-11-22T08:00:00.5Z", "2024-02-29T23:59:59Z",
            "2023-02-29T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T08:00:00.Z", "2026-11-22T08:00:00.1234567890Z",
            "2026-11-22 08:00:00Z", "2026-11-22T08:00:00+01:00", "2026-1a-22T08:00:00Z", "2026-11-22T08:00:00", "x"};
        for (String text : texts) {
            byte[] b = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
            assertEquals(FastTime.parse(text), FastTime.parse(b, 1, b.length - 1), text);
        }
        assertEquals(Instant.parse("2026-11-22T08:00:00.000000599Z"), FastTime.parse("2026-11-22T08:00:00.000000599Z"));
        assertNull(FastTime.parse("2026-11-22T08:00:0\u0665Z"));  // a digit outside ASCII is no digit here
        assertNull(FastTime.parse("2026-11-22T08:00:00.00000\u00e9Z"));
    }

    @Test
    void formatKnowsTheEdgesOfFourDigitYears() {
        char[] out = new char[32];
        for (String s : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00.000001Z", "2100-02-28T23:59:59Z", "1600-02-29T00:00:00Z"}) {
            Instant t = Instant.parse(s);
            assertEquals(s, new String(out, 0, FastTime.format(t, out)));
        }
        assertEquals(-1, FastTime.format(Instant.parse("+10000-01-01T00:00:00Z"), out));
        assertEquals(-1, FastTime.format(Instant.parse("-0001-12-31T23:59:59Z"), out));
        assertEquals(-1, FastTime.format(Instant.MAX, out));
        assertEquals(-1, FastTime.format(Instant.MIN, out));
    }
}
