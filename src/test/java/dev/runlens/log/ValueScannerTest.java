package dev.runlens.log;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Values longer than the bound (pretty sequences and arrays) are refused with one sentence, and reading goes on. */
class ValueScannerTest {
    @Test
    void aValueOverTheBoundIsSkippedAndTheNextOneRead() throws IOException {
        String big = "{\"x\":\"" + "y".repeat(5000) + "\"}";
        ValueScanner s = new ValueScanner(new StringReader("{\"a\":1}\n" + big + "\n{\"b\":[2]}\n"), false, 1000);
        assertEquals(new ValueScanner.Chunk("{\"a\":1}", null), s.next());
        ValueScanner.Chunk refused = s.next();
        assertEquals("a frame of " + big.length() + " characters is longer than 1000 characters: skipped", refused.problem());
        assertEquals(big.substring(0, 200), refused.text());
        assertEquals(new ValueScanner.Chunk("{\"b\":[2]}", null), s.next());
        assertNull(s.next());
    }

    @Test
    void aValueWithoutEndIsRefusedWithinTheBound() throws IOException {
        ValueScanner s = new ValueScanner(new StringReader("{\"a\":1}, {\"b\":\"" + "z".repeat(100_000)), true, 4096);
        assertEquals(new ValueScanner.Chunk("{\"a\":1}", null), s.next());
        ValueScanner.Chunk refused = s.next();
        assertEquals("a frame of 100006 characters is longer than 4096 characters and the file ends inside a frame (truncated): skipped",
                refused.problem());
        assertEquals(200, refused.text().length());
        assertNull(s.next());
    }

    @Test
    void strayTextOverTheBoundIsRefused() throws IOException {
        ValueScanner s = new ValueScanner(new StringReader("x".repeat(3000) + "\n{}"), false, 1000);
        assertEquals("a frame of 3000 characters is longer than 1000 characters: skipped", s.next().problem());
        assertEquals(new ValueScanner.Chunk("{}", null), s.next());
    }
}
