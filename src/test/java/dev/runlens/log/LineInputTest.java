package dev.runlens.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineInputTest {
    private static LineInput lines(String text, int max) {
        return new LineInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void aLineOverTheBoundIsRefusedAndTheNextLineIsRead() throws IOException {
        String longLine = "{\"x\":\"" + "y".repeat(5000) + "\"}";
        LineInput in = lines("{\"a\":1}\n" + longLine + "\n{\"b\":2}\n", 1000);
        assertTrue(in.next());
        assertFalse(in.overlong());
        assertEquals("{\"a\":1}", in.text());
        assertTrue(in.next());
        assertTrue(in.overlong());
        assertTrue(in.bytes().length <= 1024, "the over-long line is not kept: " + in.bytes().length);
        LogEntry.Corrupt c = in.overlongEntry(2);
        assertEquals("line 2 is longer than 1000 bytes (" + longLine.length() + " bytes): skipped", c.reason());
        assertEquals(longLine.substring(0, 200), c.preview());
        assertTrue(in.next());
        assertFalse(in.overlong());
        assertEquals("{\"b\":2}", in.text());
        assertEquals(8 + longLine.length() + 1, in.offset(), "offsets stay exact after a skipped line");
        assertFalse(in.next());
    }

    @Test
    void aLineWithoutEndIsRefusedWithinTheBound() throws IOException {
        LineInput in = lines("{\"a\":1}\n" + "z".repeat(100_000), 4096);
        assertTrue(in.next());
        assertTrue(in.next());
        assertTrue(in.overlong());
        assertFalse(in.terminated());
        assertTrue(in.bytes().length <= 4096);
        assertEquals("line 2 is longer than 4096 bytes (100000 bytes, without an end): skipped", in.overlongEntry(2).reason());
        assertFalse(in.next());
    }

    @Test
    void aLineExactlyAtTheBoundIsRead() throws IOException {
        LineInput in = lines("a".repeat(1000) + "\nb", 1000);
        assertTrue(in.next());
        assertFalse(in.overlong());
        assertEquals(1000, in.length());
        assertTrue(in.next());
        assertEquals("b", in.text());
    }
}
