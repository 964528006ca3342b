package dev.runlens.compare;

import dev.runlens.history.FlowKey;
import dev.runlens.history.PastRun;
import dev.runlens.history.RunHistory;
import dev.runlens.history.UsualDuration;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {
    private static final Path DIR = RunComparatorTest.DIR;

    /** A history made of real recordings: a table of past runs, newest first. */
    record TableHistory(List<PastRun> runs) implements RunHistory {
        @Override
        public List<PastRun> succeededRuns(FlowKey flow, int limit) {
            return runs.stream().filter(p -> p.flow().equals(flow) && p.status() == RunStatus.SUCCEEDED).limit(limit).toList();
        }

        @Override
        public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
            return Map.of();
        }
    }

    /** A history that knows one flow holding the nodes seen so far, or says several do. */
    private static RunHistory containing(PastRun only, boolean ambiguous) {
        return new RunHistory() {
            @Override
            public List<PastRun> succeededRuns(FlowKey flow, int limit) {
                return List.of();
            }

            @Override
            public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
                return Map.of();
            }

            @Override
            public dev.runlens.history.FlowCandidates succeededRunsContaining(java.util.Set<String> nodes, RunRef except, int limit) {
                return ambiguous ? dev.runlens.history.FlowCandidates.AMBIGUOUS : new dev.runlens.history.FlowCandidates(1, List.of(only));
            }
        };
    }

    @Test
    void aLiveSpaceOperatorRunTakesTheOnlyFlowContainingItsNodesAsAProvisionalBaseline() throws IOException {
        Run base = RecordingLoader.runs(DIR.resolve("so-baseline.jsonl")).get(0);
        PastRun past = past(DIR.resolve("so-baseline.jsonl"), base);
        RunRef self = new RunRef(Source.SPACE_OPERATOR, "live");
        java.util.Set<String> first = java.util.Set.of(base.nodes().get(0));
        FlowKey soFar = FlowKey.spaceOperator(first);
        BaselineSearch live = Baselines.defaultFor(containing(past, false), soFar, first, true, self);
        assertEquals(Optional.of(past), live.found());
        assertFalse(Baselines.provisional(base, RecordingLoader.runs(DIR.resolve("so-changed.jsonl")).get(0)),
                "a run that touched every node of the baseline's flow is compared for good");
        assertTrue(Baselines.defaultFor(containing(past, false), soFar, first, false, self).found().isEmpty(),
                "a finished run's node set is its flow: no wider one");
        BaselineSearch several = Baselines.defaultFor(containing(past, true), soFar, first, true, self);
        assertTrue(several.ambiguous() && several.found().isEmpty());
    }

    private static PastRun past(Path file, Run run) {
        return new PastRun(file, run.ref(), FlowKey.of(run), run.status(), run.startedAt(), run.finishedAt());
    }

    @Test
    void spaceOperatorBaselineIsTheNewestSucceededRunWithTheSameNodesOtherThanItself() throws IOException {
        Run changed = RecordingLoader.runs(DIR.resolve("so-changed.jsonl")).get(0);
        Run base = RecordingLoader.runs(DIR.resolve("so-baseline.jsonl")).get(0);
        Run unfinished = RecordingLoader.runs(DIR.resolve("so-two-runs.jsonl")).get(0);
        assertEquals(FlowKey.of(changed), FlowKey.of(base));
        assertEquals(FlowKey.spaceOperator(base.nodes()), FlowKey.of(base));
        RunHistory history = new TableHistory(List.of(past(DIR.resolve("so-changed.jsonl"), changed),
                past(DIR.resolve("so-two-runs.jsonl"), unfinished), past(DIR.resolve("so-baseline.jsonl"), base)));
        // The changed run is the newest, but it is the run itself: the baseline is the one before.
        assertEquals(Optional.of(base.ref()), Baselines.defaultFor(history, FlowKey.of(changed), changed.ref()).map(PastRun::run));
        assertEquals(Optional.of(changed.ref()), Baselines.defaultFor(history, FlowKey.of(base), base.ref()).map(PastRun::run));
    }

    @Test
    void lyzrBaselineIsFoundByFlowName() throws IOException {
        List<Run> runs = RecordingLoader.runs(Path.of("src/test/resources/fixtures/lyzr-docs-sample.jsonl"));
        Run support = runs.get(0);
        assertEquals(FlowKey.lyzr("Customer_Support_Pipeline"), FlowKey.of(support));
        Run other = runs.get(1);
        assertEquals(FlowKey.lyzr("Financial_Data_Pipeline"), FlowKey.of(other));
        PastRun earlier = new PastRun(Path.of("earlier.jsonl"), RunRef.lyzr("Customer_Support_Pipeline", "ticket_1"),
                FlowKey.lyzr("Customer_Support_Pipeline"), RunStatus.SUCCEEDED, Instant.EPOCH, Instant.EPOCH);
        PastRun failed = new PastRun(Path.of("failed.jsonl"), RunRef.lyzr("Customer_Support_Pipeline", "ticket_2"),
                FlowKey.lyzr("Customer_Support_Pipeline"), RunStatus.FAILED, Instant.EPOCH, Instant.EPOCH);
        RunHistory history = new TableHistory(List.of(failed, earlier));
        assertEquals(Optional.of(earlier), Baselines.defaultFor(history, FlowKey.of(support), support.ref()));
        assertTrue(Baselines.defaultFor(history, FlowKey.of(other), other.ref()).isEmpty());
        assertTrue(Baselines.defaultFor(RunHistory.NONE, FlowKey.of(support), support.ref()).isEmpty());
        assertEquals(Source.LYZR, support.ref().source());
    }

    @Test
    void aRecordingPickedAsBaselineGivesItsSucceededRunOfTheSameFlow() throws IOException {
        Run changed = RecordingLoader.runs(DIR.resolve("so-changed.jsonl")).get(0);
        List<Run> two = RecordingLoader.runs(DIR.resolve("so-two-runs.jsonl"));
        // The first run of the file is unfinished (and of another node set): the second is picked.
        assertEquals(two.get(1).ref(), Baselines.pickIn(two, FlowKey.of(changed), changed.ref()).orElseThrow().ref());
        // A file holding only the run itself still gives it, rather than nothing.
        List<Run> self = RecordingLoader.runs(DIR.resolve("so-changed.jsonl"));
        assertEquals(changed.ref(), Baselines.pickIn(self, FlowKey.of(changed), changed.ref()).orElseThrow().ref());
        assertTrue(Baselines.pickIn(List.of(), FlowKey.of(changed), changed.ref()).isEmpty());
    }
}
