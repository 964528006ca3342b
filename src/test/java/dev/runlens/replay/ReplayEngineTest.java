package dev.runlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.model.RunModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayEngineTest {
    @TempDir
    static Path dir;
    static Path mixed;

    @BeforeAll
    static void writeLogs() throws IOException {
        mixed = TestLogs.mixed(dir, 12_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"space-operator-v2-failed-run.jsonl", "space-operator-v1-docs-sample.jsonl", "lyzr-docs-sample.jsonl"})
    void everySeekOfAFixtureEqualsTheModelRebuiltFromScratch(String fixture) throws Exception {
        Path file = TestLogs.fixture(fixture);
        try (ReplayIndex index = ReplayIndex.open(file, null, 2).awaitDone()) {
            List<Integer> order = new ArrayList<>();
            for (int i = index.size(); i >= 0; i--) {
                order.add(i);
            }
            for (int i = 0; i <= index.size(); i++) {
                order.add(i);
            }
            assertSeeksMatchScratch(index, file, order);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 2048, 16384})
    void seeksForwardsAndBackwardsInAMixedLogEqualTheModelRebuiltFromScratch(int snapshotInterval) throws Exception {
        try (ReplayIndex index = ReplayIndex.open(mixed, null, snapshotInterval).awaitDone()) {
            int n = index.size();
            Random random = new Random(snapshotInterval);
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < 60; k++) {
                order.add(random.nextInt(n + 1));
            }
            // Every entry around the awkward middle part, both ways.
            int start = index.markers(MarkerKind.CONNECTION)[0];
            for (int i = start; i < Math.min(n, start + 60); i++) {
                order.add(i);
            }
            for (int i = Math.min(n, start + 60); i >= Math.max(0, start - 40); i--) {
                order.add(i);
            }
            order.add(n);
            order.add(0);
            order.add(n);
            assertSeeksMatchScratch(index, mixed, order);
        }
    }

    @Test
    void aReconciledLineIsPartOfTheStateFromItsPositionOn() throws Exception {
        Path log = dir.resolve("reconciled.jsonl");
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:05Z");
        try (dev.runlens.log.SessionLogWriter w = new dev.runlens.log.SessionLogWriter(log,
                new dev.runlens.log.SessionHeader(1, "lyzr", "ws://127.0.0.1:1/ws/F/r", at, "test"))) {
            w.writeFrame(at, "{\"event_type\":\"task_started\",\"flow_name\":\"F\",\"run_name\":\"r\",\"task_name\":\"fetch\",\"timestamp\":1767225601}");
            w.writeMeta(at, dev.runlens.log.SessionMeta.RECONCILED, Map.of("source", "lyzr", "run_id", "F/r", "task_id", "t-1",
                    "status", "completed", "results", dev.runlens.json.Json.parse("{\"fetch\":{\"rows\":3},\"store\":\"ok\"}")));
        }
        try (ReplayIndex index = ReplayIndex.open(log, null, 2).awaitDone()) {
            assertEquals(2, index.size());
            assertSeeksMatchScratch(index, log, List.of(2, 1, 2, 0, 2));
            assertEquals(dev.runlens.model.RunStatus.SUCCEEDED, ReplayEngine.stateAt(index, 2).runs().get(0).status());
        }
    }

    @Test
    void aModelHandedOverIsTheOwnersAloneWhileTheEngineMovesOn() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(mixed, null, 2048).awaitDone()) {
            int n = index.size();
            int[] order = {n / 2, n - 1, 100, n, n / 3, 5000, 4999, 0, 7000, n / 2 + 1};
            TreeSet<Integer> positions = new TreeSet<>();
            for (int p : order) {
                positions.add(p);
                positions.add(Math.min(n, p + 300));
            }
            Map<Integer, JsonNode> expected = ScratchModels.at(mixed, positions);
            ReplayEngine engine = new ReplayEngine(index);
            List<RunModel> handed = new ArrayList<>();
            List<Integer> reached = new ArrayList<>();
            for (int p : order) {
                engine.seek(p);
                RunModel m = engine.handOver();
                assertEquals(null, engine.model());
                assertThrows(IllegalStateException.class, engine::handOver);
                assertEquals(expected.get(p), ScratchModels.summary(m), "handed over at " + p);
                // Its owner plays on: its ended runs are shared with snapshots, copied on change.
                int q = Math.min(n, p + 300);
                EntryReplayer.apply(index, m, p, q);
                assertEquals(expected.get(q), ScratchModels.summary(m), "played on to " + q);
                handed.add(m);
                reached.add(q);
            }
            for (int k = 0; k < handed.size(); k++) {
                assertEquals(expected.get(reached.get(k)), ScratchModels.summary(handed.get(k)), "no later move changed model " + k);
            }
            for (int p : positions) {
                assertEquals(expected.get(p), ScratchModels.summary(ReplayEngine.stateAt(index, p)), "snapshots intact at " + p);
            }
        }
    }

    private static void assertSeeksMatchScratch(ReplayIndex index, Path file, List<Integer> order) throws IOException {
        Map<Integer, JsonNode> expected = ScratchModels.at(file, new TreeSet<>(order));
        ReplayEngine engine = new ReplayEngine(index);
        for (int p : order) {
            RunModel m = engine.seek(p);
            assertEquals(p, engine.position());
            assertEquals(expected.get(p), ScratchModels.summary(m), "state at position " + p);
        }
        List<Integer> shuffled = new ArrayList<>(expected.keySet());
        Collections.shuffle(shuffled, new Random(1));
        for (int p : shuffled.subList(0, Math.min(20, shuffled.size()))) {
            assertEquals(expected.get(p), ScratchModels.summary(ReplayEngine.stateAt(index, p)), "stateAt " + p);
        }
    }

    @Test
    void theMixedLogReallyContainsTheAwkwardCases() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(mixed).awaitDone()) {
            List<EntryKind> kinds = new ArrayList<>();
            for (int i = 0; i < index.size(); i++) {
                kinds.add(index.kind(i));
            }
            for (EntryKind k : List.of(EntryKind.META, EntryKind.CORRUPT, EntryKind.MALFORMED, EntryKind.CONTROL,
                    EntryKind.FLOW_FINISHED, EntryKind.NODE_ERROR, EntryKind.FLOW_ERROR)) {
                assertTrue(kinds.contains(k), k.name());
            }
            int heavy = 0;
            for (int i = 0; i < index.size(); i++) {
                heavy += (index.table.flags(i) & EntryTable.HEAVY) != 0 ? 1 : 0;
            }
            assertTrue(heavy >= 5, "heavy entries: " + heavy);
        }
    }

    @Test
    void seekingOneEntryAtATimeBothWaysGivesTheStateRebuiltFromScratch() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(mixed, null, 1 << 20).awaitDone()) {
            int start = Math.min(index.size(), 8252);
            TreeSet<Integer> positions = new TreeSet<>();
            for (int p = start; p >= start - 150; p--) {
                positions.add(p);
            }
            Map<Integer, JsonNode> expected = ScratchModels.at(mixed, positions);
            ReplayEngine engine = new ReplayEngine(index);
            engine.seek(start);
            for (int p = start - 1; p >= start - 150; p--) {
                engine.seek(engine.position() - 1);
                assertEquals(p, engine.position());
                assertEquals(expected.get(p), ScratchModels.summary(engine.model()), "after stepping back to " + p);
            }
            for (int p = start - 149; p <= start; p++) {
                engine.seek(engine.position() + 1);
                assertEquals(expected.get(p), ScratchModels.summary(engine.model()), "after stepping forward to " + p);
            }
            engine.seek(0);
            assertEquals(expected.get(start - 100), ScratchModels.summary(engine.seek(start - 100)));
        }
    }

    @Test
    void seeksAreClampedToTheIndexedEntries() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(TestLogs.fixture("space-operator-v2-failed-run.jsonl")).awaitDone()) {
            ReplayEngine engine = new ReplayEngine(index);
            engine.seek(-1);
            assertEquals(0, engine.position());
            assertEquals(-1, engine.current());
            engine.seek(1);
            assertEquals(1, engine.position());
            assertEquals(0, engine.current());
            engine.seek(index.size() + 5);
            assertEquals(index.size(), engine.position());
            engine.seek(index.size() - 1);
            assertEquals(index.size() - 1, engine.position());
            assertEquals(engine.position(), engine.model().applied());
        }
    }

    @Test
    void seekingBackwardsUndoesLaterEvents() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(TestLogs.fixture("space-operator-v2-failed-run.jsonl")).awaitDone()) {
            ReplayEngine engine = new ReplayEngine(index);
            RunModel end = engine.seek(index.size());
            assertEquals("failed", end.runs().get(0).status().id());
            RunModel middle = engine.seek(5);
            assertEquals("running", middle.runs().get(0).status().id());
            assertEquals(1, middle.runs().get(0).finishedExecutions());
            assertNotEquals(ScratchModels.summary(end), ScratchModels.summary(middle));
        }
    }

    @Test
    void seekBeyondTheIndexedPrefixIsClamped() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(TestLogs.fixture("lyzr-docs-sample.jsonl")).awaitDone()) {
            ReplayEngine engine = new ReplayEngine(index);
            engine.seek(index.size() + 100);
            assertEquals(index.size(), engine.position());
            engine.seek(-5);
            assertEquals(0, engine.position());
        }
    }
}
