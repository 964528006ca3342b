package dev.runlens.history;

import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexedRunHistoryTest {
    private static final List<String> NODES = List.of("fetch", "transfer_sol", "notify");

    @TempDir
    Path dir;

    private IndexedRunHistory history(HistoryIndex index, Path... recordings) throws Exception {
        HistoryIndexer indexer = new HistoryIndexer(index);
        for (Path p : recordings) {
            indexer.index(p);
        }
        indexer.commit();
        return new IndexedRunHistory(index);
    }

    @Test
    void lyzrBaselineIsTheNewestSucceededRunOfTheSameFlowName() throws Exception {
        double day = 1_790_000_000;
        Path old = HistoryRecordings.write(dir, "a.jsonl", HistoryRecordings.lyzr("Support", "r1", day, false, 1, 2));
        Path failed = HistoryRecordings.write(dir, "b.jsonl", HistoryRecordings.lyzr("Support", "r2", day + 100, true, 1, 2));
        Path newest = HistoryRecordings.write(dir, "c.jsonl", HistoryRecordings.lyzr("Support", "r3", day + 50, false, 3, 4));
        Path other = HistoryRecordings.write(dir, "d.jsonl", HistoryRecordings.lyzr("Billing", "r4", day + 200, false, 1));
        try (HistoryIndex index = HistoryIndex.open(dir.resolve("index"))) {
            RunHistory h = history(index, old, failed, newest, other);
            List<PastRun> runs = h.succeededRuns(FlowKey.lyzr("Support"), 5);
            assertEquals(List.of("Support/r3", "Support/r1"), runs.stream().map(r -> r.run().runId()).toList());
            PastRun best = runs.get(0);
            assertEquals(newest.toAbsolutePath(), best.recording());
            assertEquals(Source.LYZR, best.run().source());
            assertEquals(Instant.ofEpochMilli((long) ((day + 50) * 1000)), best.started());
            assertEquals(1, h.succeededRuns(FlowKey.lyzr("Support"), 1).size());
            assertTrue(h.succeededRuns(FlowKey.lyzr("Nobody"), 5).isEmpty());
        }
    }

    @Test
    void spaceOperatorBaselineIsTheSameNodeSetInV1AndV2Alike() throws Exception {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        Path v2 = HistoryRecordings.write(dir, "v2.jsonl", HistoryRecordings.v2("run-v2", t, NODES, 100, 200, 300));
        Path v1 = HistoryRecordings.write(dir, "v1.jsonl",
                HistoryRecordings.v1("run-v1", t.plusSeconds(60), List.of("notify", "fetch", "transfer_sol"), 300, 100, 200));
        Path fewer = HistoryRecordings.write(dir, "fewer.jsonl", HistoryRecordings.v2("run-2", t.plusSeconds(120), List.of("fetch"), 100));
        try (HistoryIndex index = HistoryIndex.open(dir.resolve("index"))) {
            RunHistory h = history(index, v2, v1, fewer);
            List<PastRun> runs = h.succeededRuns(FlowKey.spaceOperator(NODES), 10);
            assertEquals(List.of("run-v1", "run-v2"), runs.stream().map(r -> r.run().runId()).toList(),
                    "the order nodes ran in does not matter; a different node set is another flow");
            assertEquals(Source.SPACE_OPERATOR_V1, runs.get(0).run().source());
            assertEquals(FlowKey.spaceOperator(NODES), runs.get(0).flow());
        }
    }

    @Test
    void aLiveRunsNodesSoFarFindTheOnlyFlowWhoseNodesContainThem() throws Exception {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        Path a1 = HistoryRecordings.write(dir, "a1.jsonl", HistoryRecordings.v2("run-a1", t, NODES, 100, 200, 300));
        Path a2 = HistoryRecordings.write(dir, "a2.jsonl", HistoryRecordings.v2("run-a2", t.plusSeconds(60), NODES, 100, 200, 300));
        Path b = HistoryRecordings.write(dir, "b.jsonl", HistoryRecordings.v2("run-b", t.plusSeconds(120), List.of("fetch", "audit"), 100, 100));
        try (HistoryIndex index = HistoryIndex.open(dir.resolve("index"))) {
            RunHistory h = history(index, a1, a2, b);
            FlowCandidates two = h.succeededRunsContaining(java.util.Set.of("fetch", "transfer_sol"), null, 5);
            assertEquals(1, two.flows());
            assertEquals(List.of("run-a2", "run-a1"), two.runs().stream().map(r -> r.run().runId()).toList());
            assertEquals(FlowKey.spaceOperator(NODES), two.runs().get(0).flow(), "the baseline's flow is its whole node set");
            assertEquals(List.of("run-a1"), h.succeededRunsContaining(java.util.Set.of("transfer_sol"),
                    new dev.runlens.protocol.RunRef(Source.SPACE_OPERATOR, "run-a2"), 5).runs().stream().map(r -> r.run().runId()).toList(),
                    "never the run itself");
            FlowCandidates fetchOnly = h.succeededRunsContaining(java.util.Set.of("fetch"), null, 5);
            assertTrue(fetchOnly.ambiguous(), "two flows have fetch: no choice yet");
            assertTrue(fetchOnly.runs().isEmpty());
            assertEquals(FlowCandidates.NONE, h.succeededRunsContaining(java.util.Set.of("fetch", "elsewhere"), null, 5));
            assertEquals(List.of("run-b"), h.succeededRunsContaining(java.util.Set.of("audit"), null, 5).runs().stream()
                    .map(r -> r.run().runId()).toList());
        }
    }

    @Test
    void usualDurationsAreTheMedianAndP95OfTheLastSucceededRuns() throws Exception {
        double day = 1_790_000_000;
        Path[] files = new Path[5];
        double[] seconds = {1, 2, 3, 4, 10};
        for (int i = 0; i < 5; i++) {
            files[i] = HistoryRecordings.write(dir, "r" + i + ".jsonl",
                    HistoryRecordings.lyzr("Flow", "run" + i, day + i * 100, false, seconds[i], 0.5));
        }
        Path failed = HistoryRecordings.write(dir, "f.jsonl", HistoryRecordings.lyzr("Flow", "bad", day + 1000, true, 99, 99));
        try (HistoryIndex index = HistoryIndex.open(dir.resolve("index"))) {
            RunHistory h = history(index, files[0], files[1], files[2], files[3], files[4], failed);
            Map<String, UsualDuration> usual = h.usualDurations(FlowKey.lyzr("Flow"), 5);
            assertEquals(new UsualDuration("task_0", 5, 3000, 10_000), usual.get("task_0"));
            assertEquals(new UsualDuration("task_1", 5, 500, 500), usual.get("task_1"));
            Map<String, UsualDuration> lastTwo = h.usualDurations(FlowKey.lyzr("Flow"), 2);
            assertEquals(new UsualDuration("task_0", 2, 7000, 10_000), lastTwo.get("task_0"), "the newest two runs only");
        }
    }

    @Test
    void percentilesOfOddAndEvenCounts() {
        assertEquals(new UsualDuration("n", 1, 7, 7), IndexedRunHistory.usual("n", List.of(7L)));
        assertEquals(new UsualDuration("n", 20, 9, 18), IndexedRunHistory.usual("n",
                java.util.stream.LongStream.range(0, 20).boxed().toList()));
    }
}
