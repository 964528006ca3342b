package dev.runlens.history;

import dev.runlens.Fixtures;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.replay.TestLogs;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.value.Masking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryIndexTest {
    @TempDir
    Path dir;

    static Stream<String> forms() {
        List<String> out = new ArrayList<>();
        for (String name : Fixtures.NAMES) {
            for (String form : List.of("jsonl", "session", "pretty", "array", "har", "gzip")) {
                out.add(name + " " + form);
            }
        }
        return out.stream();
    }

    /** The fixture {@code name} written in {@code form} into a folder of its own. */
    private Path recording(String name, String form) throws IOException {
        Path d = Files.createDirectories(dir.resolve("rec-" + name + "-" + form));
        List<String> frames = Fixtures.lines(name);
        return switch (form) {
            case "jsonl" -> TestLogs.jsonLines(d, frames);
            case "pretty" -> TestLogs.pretty(d, frames);
            case "array" -> TestLogs.array(d, frames);
            case "har" -> TestLogs.har(d, frames);
            case "gzip" -> TestLogs.gzip(TestLogs.jsonLines(d, frames), d.resolve("frames.jsonl.gz"));
            default -> session(d.resolve("session.jsonl"), frames);
        };
    }

    static Path session(Path file, List<String> frames) throws IOException {
        Instant t = Instant.parse("2026-11-22T09:00:00Z");
        try (SessionLogWriter w = new SessionLogWriter(file, new SessionHeader(1, "space-operator", "ws://127.0.0.1/ws", t, "test"))) {
            for (String f : frames) {
                w.writeFrame(t = t.plusMillis(5), f);
            }
        }
        return file;
    }

    /** What {@code summary} reads from the file, in the index probe's terms. */
    private static List<String> summaryExecutions(Path file) throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(file);
        List<String> out = new ArrayList<>();
        for (Run r : b.model().runs()) {
            for (Execution e : r.executions()) {
                out.add(r.ref().runId() + "|" + e.node() + "|" + e.times() + "|" + e.status().id());
            }
        }
        out.sort(null);
        return out;
    }

    private HistoryIndex open() throws IOException {
        return HistoryIndex.open(dir.resolve("index"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyLogFormIsIndexedAsSummaryReadsIt(String nameAndForm) throws IOException {
        String[] p = nameAndForm.split(" ");
        Path file = recording(p[0], p[1]);
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            assertTrue(indexer.index(file));
            indexer.commit();
            List<String> indexed = IndexProbe.executions(index);
            assertFalse(indexed.isEmpty());
            assertEquals(summaryExecutions(Fixtures.log(p[0])), indexed);
            assertFalse(indexer.index(file), "an unchanged file is not read again");
        }
    }

    @Test
    void secretsInPayloadsAreMaskedInTheIndex() throws Exception {
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(Fixtures.log("lyzr-docs-sample"));
            indexer.commit();
            String all = String.join("\n", IndexProbe.texts(index));
            assertTrue(all.contains("api_key: " + Masking.MASK), all);
            assertFalse(all.contains("sk-prod-sentiment-key"), "the api_key value never reaches the index");
            HistorySearch search = new HistorySearch(index);
            assertTrue(search.search("sk-prod-sentiment-key", 10, HistorySearch.Order.NEWEST).isEmpty());
            assertEquals(1, search.search("cto@enterprise-client.com", 10, HistorySearch.Order.NEWEST).size());
        }
    }

    @Test
    void aCrashMidFileLeavesNoDuplicatesAndTheNextPassLosesNothing() throws IOException {
        Path a = recording("lyzr-docs-sample", "jsonl");
        Path b = recording("space-operator-v2-failed-run", "session");
        List<String> expected = new ArrayList<>(summaryExecutions(Fixtures.log("lyzr-docs-sample")));
        expected.addAll(summaryExecutions(Fixtures.log("space-operator-v2-failed-run")));
        expected.sort(null);
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(a);
            indexer.commit();
            int[] seen = {0};
            indexer.probe(e -> {
                if (++seen[0] == 5) {
                    throw new IllegalStateException("crash in the middle of the file");
                }
            });
            assertThrows(IllegalStateException.class, () -> indexer.index(b));
        }
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            assertFalse(indexer.index(a), "the committed file is known");
            assertTrue(indexer.index(b), "the file cut short is read again");
            indexer.commit();
            assertEquals(expected, IndexProbe.executions(index));
            List<String> ids = IndexProbe.ids(index, IndexFields.EXEC);
            assertEquals(new HashSet<>(ids).size(), ids.size(), "no duplicates: " + ids);
        }
    }

    @Test
    void aGrowingRecordingIsReadFromWhereItStopped() throws IOException {
        List<String> frames = Fixtures.lines("lyzr-docs-sample");
        Path file = dir.resolve("live.jsonl");
        int half = frames.size() / 2;
        String cut = frames.get(half);
        Files.writeString(file, String.join("\n", frames.subList(0, half)) + "\n" + cut.substring(0, 20));
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(file);
            indexer.commit();
            long firstPass = indexer.events();
            assertEquals(half, firstPass, "the half-written last line waits");
            Files.writeString(file, cut.substring(20) + "\n" + String.join("\n", frames.subList(half + 1, frames.size())) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            assertTrue(indexer.index(file));
            indexer.commit();
            assertEquals(frames.size(), indexer.events(), "each event read once");
            assertEquals(summaryExecutions(Fixtures.log("lyzr-docs-sample")), IndexProbe.executions(index));
            List<String> ids = IndexProbe.ids(index, IndexFields.EXEC);
            assertEquals(new HashSet<>(ids).size(), ids.size());
        }
    }

    @Test
    void aShrunkOrVanishedRecordingIsReadAgainOrForgotten() throws IOException {
        Path file = dir.resolve("r.jsonl");
        Files.write(file, Fixtures.lines("lyzr-docs-sample"));
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(file);
            Files.write(file, Fixtures.lines("space-operator-v2-failed-run"));
            assertTrue(indexer.index(file));
            indexer.commit();
            assertEquals(summaryExecutions(Fixtures.log("space-operator-v2-failed-run")), IndexProbe.executions(index));
            Files.delete(file);
            assertTrue(indexer.index(file));
            indexer.commit();
            assertTrue(IndexProbe.executions(index).isEmpty());
        }
    }

    @Test
    void aDamagedIndexIsDeletedAndRebuilt() throws IOException {
        Path file = Fixtures.log("space-operator-v2-failed-run");
        try (HistoryIndex index = open()) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(file);
            indexer.commit();
        }
        Path biggest;
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            biggest = files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length())).orElseThrow();
        }
        byte[] garbage = new byte[(int) Files.size(biggest)];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(biggest, garbage);
        try (HistoryIndex index = open()) {
            assertTrue(index.rebuilt());
            HistoryIndexer indexer = new HistoryIndexer(index);
            assertTrue(indexer.index(file), "a rebuilt index reads the recordings again");
            indexer.commit();
            assertEquals(summaryExecutions(file), IndexProbe.executions(index));
        }
    }

    @Test
    void aSecondOpenSearchesReadOnlyAndTheLockIsReleasedOnClose() throws Exception {
        Path file = Fixtures.log("lyzr-docs-sample");
        try (HistoryIndex first = open()) {
            HistoryIndexer indexer = new HistoryIndexer(first);
            indexer.index(file);
            indexer.commit();
            try (HistoryIndex second = open()) {
                assertTrue(second.readOnly());
                assertFalse(new HistoryIndexer(second).index(dir.resolve("other.jsonl")));
                // The failed Lyzr run and its failed task.
                assertEquals(2, new HistorySearch(second).search("status:failed protocol:lyzr", 10, HistorySearch.Order.NEWEST).size());
            }
        }
        try (HistoryIndex again = open()) {
            assertFalse(again.readOnly(), "closing released the lock");
        }
    }

    @Test
    void indexFolderFollowsXdgCacheHomeAndTheOverride() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/c/runlens/index"), IndexFolder.of(java.util.Map.of("XDG_CACHE_HOME", "/c"), null, home.toString()));
        assertEquals(home.resolve(".cache/runlens/index"), IndexFolder.of(java.util.Map.of("XDG_CACHE_HOME", "rel"), null, home.toString()));
        assertEquals(Path.of("/t/index"), IndexFolder.of(java.util.Map.of("XDG_CACHE_HOME", "/c"), "/t", home.toString()));
    }
}
