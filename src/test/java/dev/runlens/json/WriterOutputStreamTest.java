package dev.runlens.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bytes in, the same text out, whatever the chunk boundaries cut. */
class WriterOutputStreamTest {

    @Test
    void sequencesCutBetweenWritesArriveWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("ascii ").append(i).append(" nœud ü ノード 😀\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 7, 8191, 8192, 8193, 100_000}) {
            StringWriter sink = new StringWriter();
            try (WriterOutputStream out = new WriterOutputStream(sink)) {
                for (int at = 0; at < bytes.length; at += chunk) {
                    out.write(bytes, at, Math.min(chunk, bytes.length - at));
                }
            }
            assertEquals(text.toString(), sink.toString(), "chunks of " + chunk);
        }
    }

    @Test
    void singleBytesAndAnUnfinishedSequenceAtTheEnd() throws IOException {
        StringWriter sink = new StringWriter();
        WriterOutputStream out = new WriterOutputStream(sink);
        byte[] bytes = "é".getBytes(StandardCharsets.UTF_8);
        out.write('a');
        out.write(bytes[0]);
        assertEquals("a", sink.toString());
        out.write(bytes[1]);
        out.write(bytes[0]);
        out.close();
        assertEquals("aé\uFFFD", sink.toString());
    }
}
