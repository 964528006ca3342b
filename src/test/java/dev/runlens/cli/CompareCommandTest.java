package dev.runlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.Main;
import dev.runlens.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    private static final String DIR = "src/test/resources/compare/";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void differentRunsExitOneAndPrintTheTableAndTheFirstDiff() {
        assertEquals(1, run("compare", DIR + "so-changed.jsonl", DIR + "so-baseline.jsonl"));
        String text = out();
        assertTrue(text.contains("Different: 1 of 4 executions differ"), text);
        assertTrue(text.contains("First differing output: 1d7f2b63-2a7c-4b64-8e4f-7b3a2d0c8f12#0"), text);
        assertTrue(text.contains("  + $.fee: u64 5000 (added)"), text);
        assertTrue(text.contains("300.0ms     100.0ms     +200.0ms  3.00×"), text);
        assertEquals("", err());
    }

    @Test
    void theSameRunExitsZero() {
        assertEquals(0, run("compare", DIR + "so-baseline.jsonl", DIR + "so-baseline.jsonl"));
        assertTrue(out().contains("Same: no execution differs"), out());
        assertTrue(out().contains("No output differs."), out());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        assertEquals(1, run("compare", "--json", DIR + "so-changed.jsonl", DIR + "so-baseline.jsonl"));
        JsonNode j = Json.parse(out());
        assertEquals("bbbbbbbb-0000-4000-8000-000000000002", j.path("a").path("run").textValue());
        assertEquals("space-operator", j.path("b").path("protocol").textValue());
        assertEquals(false, j.path("same").booleanValue());
        assertEquals(4, j.path("executions").size());
        JsonNode row = j.path("executions").get(1);
        assertEquals("differs", row.path("output").textValue());
        assertEquals("equal", row.path("input").textValue());
        assertEquals(600.0, row.path("duration_a_ms").doubleValue(), 1e-9);
        JsonNode first = j.path("first_differing_output");
        assertEquals(0, first.path("times").intValue());
        assertEquals("added", first.path("changes").get(1).path("kind").textValue());
        assertEquals("$.fee", first.path("changes").get(1).path("path").textValue());
        assertTrue(first.path("changes").get(1).path("b").isNull());
    }

    @Test
    void severalRunsPickTheFirstFinishedOneAndSaySo() {
        assertEquals(0, run("compare", DIR + "so-two-runs.jsonl", DIR + "so-baseline.jsonl"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("holds 2 runs; comparing aaaaaaaa-0000-4000-8000-000000000001, the first finished one (choose with --run)"),
                err());
    }

    @Test
    void runOptionPicksARunByIdWithOrWithoutProtocol() {
        assertEquals(1, run("compare", "--run", "cccccccc-0000-4000-8000-000000000003", "--run-b",
                "space-operator:aaaaaaaa-0000-4000-8000-000000000001", DIR + "so-two-runs.jsonl", DIR + "so-two-runs.jsonl"));
        assertEquals("", err());
        assertTrue(out().contains("pending"), out());
    }

    @Test
    void anUnknownRunIsBadInputInOneSentence() {
        assertEquals(2, run("compare", "--run", "nope", DIR + "so-two-runs.jsonl", DIR + "so-baseline.jsonl"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("no run nope (it holds cccccccc-0000-4000-8000-000000000003, aaaaaaaa"), err());
        assertEquals("", out());
    }

    @Test
    void aMissingOrEmptyFileIsBadInput() throws Exception {
        assertEquals(2, run("compare", dir.resolve("nope.jsonl").toString(), DIR + "so-baseline.jsonl"));
        assertTrue(err().contains("no such file"), err());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        err.reset();
        assertEquals(2, run("compare", DIR + "so-baseline.jsonl", empty.toString()));
        assertEquals(1, err().lines().count(), err());
    }
}
