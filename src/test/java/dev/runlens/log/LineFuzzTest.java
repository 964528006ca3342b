package dev.runlens.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the line reader with endless lines: random streams of lines, some far over the bound,
 * the last often without a newline, read through small and odd-sized chunks. Every line within
 * the bound comes back intact at its offset, every over-long one is refused with its true length,
 * the buffer never grows past the bound, and reading always goes on with the next line.
 */
class LineFuzzTest {
    private static final int BOUND = 4096;

    @Test
    void endlessLinesAreRefusedAndEveryOtherLineSurvives() throws IOException {
        Random rnd = new Random(20261206);
        for (int round = 0; round < 300; round++) {
            List<byte[]> lines = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int count = 1 + rnd.nextInt(30);
            boolean endless = rnd.nextBoolean();
            for (int i = 0; i < count; i++) {
                boolean last = i == count - 1;
                int length = last && endless ? 1 + rnd.nextInt(BOUND * 3) : switch (rnd.nextInt(5)) {
                    case 0 -> BOUND + 1 + rnd.nextInt(BOUND * 20); // over the bound
                    case 1 -> BOUND - rnd.nextInt(3);               // at the edge
                    default -> rnd.nextInt(300);
                };
                byte[] line = new byte[length];
                rnd.nextBytes(line);
                for (int j = 0; j < length; j++) {
                    if (line[j] == '\n' || line[j] == '\r') {
                        line[j] = 'y'; // any byte but the separator (and the '\r' a reader trims before it)
                    }
                }
                lines.add(line);
                out.write(line);
                if (i < count - 1 || !endless) {
                    out.write('\n');
                }
            }
            check(lines, out.toByteArray(), endless, new Chunked(out.toByteArray(), 1 + rnd.nextInt(700)));
        }
    }

    private static void check(List<byte[]> lines, byte[] all, boolean endless, InputStream in) throws IOException {
        LineInput input = new LineInput(in, BOUND);
        long offset = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] want = lines.get(i);
            assertTrue(input.next(), "line " + (i + 1) + " of " + lines.size() + " is read");
            assertEquals(offset, input.offset());
            assertTrue(input.bytes().length <= BOUND, "the buffer stays within the bound: " + input.bytes().length);
            if (want.length > BOUND) {
                assertTrue(input.overlong());
                String sentence = input.overlongEntry(i + 1).reason();
                assertTrue(sentence.contains("(" + want.length + " bytes"), sentence);
                assertEquals(endless && i == lines.size() - 1, sentence.contains("without an end"), sentence);
            } else {
                assertFalse(input.overlong());
                assertArrayEquals(want, Arrays.copyOf(input.bytes(), input.length()));
            }
            offset += want.length + 1;
        }
        assertFalse(input.next(), "nothing after the last line");
        assertEquals(all.length, offset - (endless ? 1 : 0));
    }

    /** Hands out the bytes in chunks of at most {@code chunk}, as a socket or gzip stream may. */
    private static final class Chunked extends ByteArrayInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
