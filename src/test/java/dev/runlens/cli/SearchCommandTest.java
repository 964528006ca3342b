package dev.runlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.Fixtures;
import dev.runlens.Main;
import dev.runlens.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCommandTest {
    @TempDir
    Path dir;
    private Path sessions;
    private String previousCache;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void sessionsAndCache() throws Exception {
        sessions = Files.createDirectories(dir.resolve("sessions"));
        for (String name : Fixtures.NAMES) {
            Files.copy(Fixtures.log(name), sessions.resolve(name + ".jsonl"));
        }
        previousCache = System.setProperty("runlens.cache.dir", dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (previousCache == null) {
            System.clearProperty("runlens.cache.dir");
        } else {
            System.setProperty("runlens.cache.dir", previousCache);
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 3];
        all[0] = "search";
        all[1] = "--sessions";
        all[2] = sessions.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMatchPrintsPathRunNodeTimeAndTheHighlightedSnippetAndExitsZero() {
        assertEquals(0, run("insufficient", "funds"));
        String o = out();
        assertTrue(o.contains("2025-11-22T08:30:00.535Z  failed  9531985d-5d9d-49f8-9818-e811892f902b#0"), o);
        assertTrue(o.contains("space-operator run 6513270e-269e-4d37-b2a7-4de452e6b438  in "
                + sessions.resolve("space-operator-v2-failed-run.jsonl").toAbsolutePath()), o);
        assertTrue(o.contains("**insufficient** **funds**"), o);
        assertEquals("", err());
    }

    @Test
    void jsonListsTheHitsWithTheirHighlights() throws Exception {
        assertEquals(0, run("--json", "--limit", "2", "protocol:lyzr"));
        JsonNode root = Json.parse(out());
        assertEquals("protocol:lyzr", root.get("query").asText());
        assertEquals(2, root.get("hits").size());
        JsonNode first = root.get("hits").get(0);
        assertEquals("lyzr", first.get("protocol").asText());
        assertTrue(first.has("entry") && first.has("snippet") && first.get("highlights").isArray());
        assertEquals(0, run("--json", "sentiment", "node:sentiment_analyzer"));
        JsonNode hit = Json.parse(out()).get("hits").get(0);
        int[] range = {hit.get("highlights").get(0).get(0).asInt(), hit.get("highlights").get(0).get(1).asInt()};
        assertEquals("sentiment", hit.get("snippet").asText().substring(range[0], range[1]).toLowerCase());
    }

    @Test
    void nothingMatchedExitsOne() {
        assertEquals(1, run("no-such-words-anywhere"));
        assertEquals("", out());
    }

    @Test
    void aBadQueryExitsTwoWithOneSentenceSayingWhere() {
        assertEquals(2, run("failed", "after:someday"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("runlens search: 'someday' is not a date"), err());
        assertTrue(err().contains("(column 14)"), err());
    }

    @Test
    void aNewRecordingIsFoundOnTheNextSearch() throws Exception {
        assertEquals(1, run("PD-99999"));
        Files.writeString(sessions.resolve("later.jsonl"), Fixtures.lines("lyzr-docs-sample").stream()
                .map(l -> l.replace("PD-12345", "PD-99999")).reduce("", (a, b) -> a + b + "\n"));
        assertEquals(0, run("PD-99999"));
        assertTrue(out().contains("later.jsonl"), out());
    }
}
