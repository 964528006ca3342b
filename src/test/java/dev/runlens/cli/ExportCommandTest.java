package dev.runlens.cli;

import dev.runlens.Main;
import dev.runlens.Fixtures;
import dev.runlens.json.Json;
import dev.runlens.log.LogFormat;
import dev.runlens.log.LogReader;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String summaryOf(Path p) throws Exception {
        SummaryBuilder b = new SummaryBuilder();
        b.add(p);
        return Json.pretty(b.toJson()) + "\n";
    }

    @Test
    void redactedSessionExportHasNoSecretsAndTheSameSummary() throws Exception {
        Path out = dir.resolve("shared.jsonl");
        assertEquals(0, run("export", "--redact", "--out", out.toString(), Fixtures.log("lyzr-docs-sample").toString()));
        String text = Files.readString(out);
        assertFalse(text.contains("sk-prod-sentiment-key"), text);
        assertFalse(text.contains("sf_prod_token_xyz"), text);
        assertEquals(LogFormat.SESSION, LogReader.open(out).format());
        assertEquals(Fixtures.expectedSummary("lyzr-docs-sample"), summaryOf(out));
    }

    @Test
    void exportOfOneRunKeepsOnlyItsFrames() throws Exception {
        Path out = dir.resolve("one.jsonl");
        assertEquals(0, run("export", "--run", "Financial_Data_Pipeline/daily_batch_20240215", "--out", out.toString(),
                Fixtures.log("lyzr-docs-sample").toString()));
        SummaryBuilder b = new SummaryBuilder();
        b.add(out);
        assertEquals(1, b.model().runs().size());
        assertEquals(4, b.stats().total());
    }

    @Test
    void summaryAndCsvFormats() throws Exception {
        Path summary = dir.resolve("s.json");
        assertEquals(0, run("export", "--format", "summary", "--out", summary.toString(), Fixtures.log("space-operator-v1-docs-sample").toString()));
        assertEquals(Fixtures.expectedSummary("space-operator-v1-docs-sample"), Files.readString(summary));
        Path csv = dir.resolve("e.csv");
        assertEquals(0, run("export", "--format", "csv", "--out", csv.toString(), Fixtures.log("lyzr-docs-sample").toString()));
        assertEquals(5, Files.readAllLines(csv).size());
    }

    @Test
    void badUsageAndBadInput() {
        assertEquals(2, run("export", "--out", dir.resolve("x").toString()));
        assertEquals(2, run("export", "--format", "xml", "--out", dir.resolve("x").toString(), "in"));
        assertEquals(2, run("export", "--out", dir.resolve("x").toString(), dir.resolve("missing.jsonl").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
    }
}
