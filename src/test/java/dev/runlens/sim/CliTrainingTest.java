package dev.runlens.sim;

import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTrainingTest {

    @Test
    void recordsEveryEventOfTheFirehoseAndSucceeds(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CliTraining.recordFirehose(dir, 3_002, print(out), print(err));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        SummaryBuilder kept = new SummaryBuilder();
        kept.add(dir.resolve("firehose.jsonl"));
        assertEquals(3_002, kept.model().runs().get(0).events());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Recorded 3002 events of 1 finished run(s)"), out.toString());
    }

    @Test
    void aFailingCommandStopsTheTrainingWithItsStatus(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CliTraining.train(dir, new String[] {"summary", dir.resolve("missing.jsonl").toString()},
                print(new ByteArrayOutputStream()), print(err));
        assertNotEquals(0, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("CliTraining: runlens summary"), err.toString());
        assertFalse(Files.exists(dir.resolve("firehose.jsonl")), "the firehose was recorded after a failed command");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
