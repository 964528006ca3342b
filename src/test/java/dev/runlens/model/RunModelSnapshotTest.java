package dev.runlens.model;

import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.summary.FrameStats;
import dev.runlens.summary.SummaryJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class RunModelSnapshotTest {
    private static final RunRef A = new RunRef(Source.SPACE_OPERATOR, "a");
    private static final RunRef B = new RunRef(Source.SPACE_OPERATOR, "b");
    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    private static String summary(RunModel m) {
        return SummaryJson.of(m, new FrameStats()).toString() + m.applied();
    }

    @Test
    void aSnapshotSharesRunsUntilEitherSideChangesOne() {
        RunModel live = new RunModel();
        live.apply(new RunEvent.FlowStarted(A, T, null));
        live.apply(new RunEvent.NodeStarted(A, T, NodeRef.spaceOperator("n", 0), null));
        live.apply(new RunEvent.FlowStarted(B, T, null));
        RunModel shot = live.snapshot();
        String before = summary(shot);
        assertSame(live.run(A), shot.run(A));

        live.apply(new RunEvent.NodeFinished(A, T.plusSeconds(1), NodeRef.spaceOperator("n", 0), null, null));
        live.markGap(B, new Gap(T, T.plusSeconds(2), "reconnect"));
        assertEquals(before, summary(shot), "the snapshot did not change");
        assertNotSame(live.run(A), shot.run(A));
        assertEquals(ExecutionStatus.SUCCEEDED, live.run(A).execution("n", 0).status());
        assertEquals(ExecutionStatus.RUNNING, shot.run(A).execution("n", 0).status());
        assertEquals(1, live.run(B).gaps().size());
        assertEquals(0, shot.run(B).gaps().size());
        assertEquals(live.runs().get(1), live.run(B), "run order kept after copying");

        RunModel other = shot.snapshot();
        other.apply(new RunEvent.NodeStarted(A, T, NodeRef.spaceOperator("m", 0), null));
        assertEquals(before, summary(shot), "changing a snapshot of the snapshot leaves it alone");
        assertEquals(2, other.run(A).executions().size());
        assertEquals(1, live.run(A).executions().size());
    }
}
