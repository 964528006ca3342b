package dev.runlens.compare;

import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparatorTest {
    static final Path DIR = Path.of("src/test/resources/compare");
    static final RunRef BASE = new RunRef(Source.SPACE_OPERATOR, "aaaaaaaa-0000-4000-8000-000000000001");
    static final RunRef CHANGED = new RunRef(Source.SPACE_OPERATOR, "bbbbbbbb-0000-4000-8000-000000000002");
    static final String NODE_B = "1d7f2b63-2a7c-4b64-8e4f-7b3a2d0c8f12";

    static LoadedRun load(String file, RunRef ref) throws IOException {
        return RecordingLoader.load(DIR.resolve(file), ref).orElseThrow();
    }

    @Test
    void theFirstNodeWhoseOutputDiffersIsFoundWithItsTypedDiff() throws IOException {
        Comparison c = RunComparator.compare(load("so-changed.jsonl", CHANGED), load("so-baseline.jsonl", BASE));
        assertEquals(4, c.rows().size());
        ExecutionComparison first = c.firstDifference();
        assertEquals(new NodeIteration(NODE_B, 0), first.key());
        assertEquals(Sameness.EQUAL, first.input());
        assertEquals(Sameness.DIFFERENT, first.output());
        // 1.50 and 1.5 are the same decimal; the payer's bytes changed; a fee was added.
        assertEquals(2, c.firstOutputDiff().size(), c.firstOutputDiff().toString());
        assertEquals(Difference.Kind.CHANGED, c.firstOutputDiff().get(0).kind());
        assertEquals("$.payer", c.firstOutputDiff().get(0).path());
        assertEquals("pubkey (32 bytes) 5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7", c.firstOutputDiff().get(0).before());
        assertEquals("pubkey (32 bytes) 11111111111111111111111111111111", c.firstOutputDiff().get(0).after());
        assertEquals(new Difference(Difference.Kind.ADDED, "$.fee", null, "u64 5000"), c.firstOutputDiff().get(1));
        assertFalse(c.same());
    }

    @Test
    void iterationsAreMatchedByNodeAndTimesWithDurationsAndRatio() throws IOException {
        Comparison c = RunComparator.compare(load("so-changed.jsonl", CHANGED), load("so-baseline.jsonl", BASE));
        ExecutionComparison loop1 = c.rows().get(3);
        assertEquals(1, loop1.key().times());
        assertEquals(ExecutionStatus.SUCCEEDED, loop1.a().status());
        assertEquals(ExecutionStatus.SUCCEEDED, loop1.b().status());
        assertEquals(300, loop1.durationA().toMillis());
        assertEquals(100, loop1.durationB().toMillis());
        assertEquals(200, loop1.delta().toMillis());
        assertEquals(3.0, loop1.ratio(), 1e-9);
        assertEquals(Sameness.EQUAL, loop1.input());
        assertEquals(Sameness.EQUAL, loop1.output());
        assertFalse(loop1.differs());
    }

    @Test
    void aRunComparedWithItselfIsTheSame() throws IOException {
        Comparison c = RunComparator.compare(load("so-baseline.jsonl", BASE), load("so-baseline.jsonl", BASE));
        assertTrue(c.same());
        assertNull(c.firstDifference());
        assertTrue(c.rows().stream().allMatch(r -> r.output() == Sameness.EQUAL && r.ratio() == 1.0));
    }

    @Test
    void aRunStillGoingHasPendingRowsForWhatItHasNotDoneYet() throws IOException {
        LoadedRun base = load("so-baseline.jsonl", BASE);
        RunRef unfinished = new RunRef(Source.SPACE_OPERATOR, "cccccccc-0000-4000-8000-000000000003");
        Comparison c = RunComparator.compare(load("so-two-runs.jsonl", unfinished), base);
        // The unfinished run did node A only: B and C's iterations are the baseline's, pending here.
        assertEquals(4, c.rows().size());
        assertEquals(Sameness.EQUAL, c.rows().get(0).output());
        assertTrue(c.rows().subList(1, 4).stream().allMatch(r -> r.a() == null && r.output() == Sameness.PENDING));
        assertNull(c.firstDifference());
    }

    @Test
    void onlyTheWantedRunsPayloadsAreKept() throws IOException {
        LoadedRun base = load("so-two-runs.jsonl", BASE);
        assertEquals(4 + 4, base.payloads().size());
        List<Run> runs = RecordingLoader.runs(DIR.resolve("so-two-runs.jsonl"));
        assertEquals(2, runs.size());
    }
}
