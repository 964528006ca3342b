package dev.runlens.fuzz;

import dev.runlens.log.LineInput;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gzip of a few MB that inflates to a gigabyte without a newline, between two good lines (both
 * as JSON Lines and as a session log): refused as one over-long line with one sentence, within
 * {@link LineInput#MAX_LINE_BYTES} of memory, and the line after it is still read. The file is made
 * here, never committed.
 */
class EndlessLineTest {
    private static final long GIGABYTE = 1L << 30;
    private static final long JUST_OVER = LineInput.MAX_LINE_BYTES + (1L << 20);
    private static final String FIRST = "{\"event_type\":\"flow_started\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":1756806125.5}";
    private static final String LAST = "{\"event_type\":\"flow_completed\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":1756806127.5}";

    @TempDir
    Path dir;

    private Path bomb(String name, String first, long size, String last) throws IOException {
        Path p = dir.resolve(name);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write((first + "\n").getBytes(StandardCharsets.UTF_8));
            for (long n = 0; n < size; n += chunk.length) {
                out.write(chunk);
            }
            out.write(("\n" + last + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void aGigabyteLineIsRefusedAndTheNextLineIsRead() throws IOException {
        Path p = bomb("bomb.jsonl.gz", FIRST, GIGABYTE, LAST);
        assertTrue(Files.size(p) < 8 << 20, "the generated file is small: " + Files.size(p));
        SummaryBuilder b = new SummaryBuilder();
        b.add(p);
        assertEquals(3, b.stats().total());
        assertEquals(1, b.stats().malformed());
        assertEquals(List.of("line 2 is longer than 256 MiB (" + GIGABYTE + " bytes): skipped"), b.problems());
        assertEquals("succeeded", b.model().runs().get(0).status().id(), "the line after the endless one ended the run");
    }

    @Test
    void aSessionLogWithAGigabyteLineKeepsItsOtherLines() throws IOException {
        String header = "{\"runlens\":\"session-log\",\"version\":1,\"protocol\":\"lyzr\"}";
        Path p = bomb("bomb.runlens.jsonl.gz", header + "\n" + frameLine(FIRST), JUST_OVER, frameLine(LAST));
        SummaryBuilder b = new SummaryBuilder();
        b.add(p);
        assertEquals(List.of("line 3 is longer than 256 MiB (" + JUST_OVER + " bytes): skipped"), b.problems());
        assertEquals(2, b.model().runs().get(0).events());
        assertEquals("succeeded", b.model().runs().get(0).status().id());
    }

    private static String frameLine(String frame) {
        return "{\"at\":\"2025-09-02T10:00:00Z\",\"frame\":\"" + frame.replace("\"", "\\\"") + "\"}";
    }
}
