package dev.runlens.model;

import dev.runlens.Fixtures;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lyzr's execution_time, when given, is the execution's duration; event times otherwise. */
class ExecutionTimeTest {
    private static final RunRef RUN = RunRef.lyzr("F", "r");
    private static final Instant T0 = Instant.parse("2025-09-02T10:00:00Z");

    private static Execution run(Double executionSeconds) {
        RunModel m = new RunModel();
        NodeRef task = NodeRef.lyzr("t", "id-1");
        m.apply(new RunEvent.NodeStarted(RUN, T0, task, null));
        return m.apply(new RunEvent.NodeFinished(RUN, T0.plusSeconds(10), task, null, executionSeconds)).execution();
    }

    @Test
    void theServersExecutionTimeIsTheDuration() {
        Execution e = run(5.33);
        assertEquals(Duration.ofMillis(5330), e.reportedDuration());
        assertEquals(Duration.ofMillis(5330), e.duration());
    }

    @Test
    void withoutItTheEventTimesGiveTheDuration() {
        Execution e = run(null);
        assertNull(e.reportedDuration());
        assertEquals(Duration.ofSeconds(10), e.duration());
    }

    @Test
    void nonsenseExecutionTimesAreIgnored() {
        for (double bad : new double[]{-1, Double.POSITIVE_INFINITY, Double.NaN, 1e300}) {
            assertEquals(Duration.ofSeconds(10), run(bad).duration(), "execution_time " + bad);
        }
    }

    @Test
    void snapshotsKeepIt() {
        RunModel m = new RunModel();
        NodeRef task = NodeRef.lyzr("t", "id-1");
        m.apply(new RunEvent.NodeStarted(RUN, T0, task, null));
        m.apply(new RunEvent.NodeFinished(RUN, T0.plusSeconds(10), task, null, 2.5));
        m.apply(new RunEvent.NodeStarted(RUN, T0.plusSeconds(11), NodeRef.lyzr("u", "id-2"), null));
        Run restored = ModelImage.of(m).restore().runs().get(0);
        assertEquals(Duration.ofMillis(2500), restored.executions().get(0).duration());
        assertNull(restored.executions().get(1).duration());
        assertEquals(Duration.ofMillis(2500), m.copy().runs().get(0).executions().get(0).duration());
    }

    @Test
    void theSummaryShowsTheLyzrDocsSamplesExecutionTimes() throws IOException {
        SummaryBuilder b = new SummaryBuilder();
        b.add(Fixtures.log("lyzr-docs-sample"));
        Execution first = b.model().runs().get(0).executions().get(0);
        // task_started 1756806127.234, task_completed 1756806132.567 with "execution_time": 5.33
        assertEquals(Duration.ofMillis(5333), Duration.between(first.startedAt(), first.finishedAt()));
        assertEquals(Duration.ofMillis(5330), first.duration());
        String table = SummaryTable.render(b.model(), b.stats(), b.problems());
        assertTrue(table.contains(" 5.330s "), table);
        assertTrue(!table.contains(" 5.333s "), table);
    }

    @Test
    void startAndFinishKeepEveryNanosecondThroughCopiesAndSnapshots() {
        // Kept as second and nanosecond, not Instants: times far from now, before the epoch and a
        // finish before its start (server clocks are not monotonic) must come back as they went in.
        Instant[][] cases = {
                {Instant.parse("2025-09-02T10:00:00.123456789Z"), Instant.parse("2025-09-02T10:00:07.000000001Z")},
                {Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("1970-01-01T00:00:00Z")},
                {Instant.parse("+99999-01-01T00:00:00.5Z"), Instant.parse("2025-01-01T00:00:00Z")},
        };
        for (Instant[] c : cases) {
            RunModel m = new RunModel();
            NodeRef task = NodeRef.lyzr("t", "id-1");
            m.apply(new RunEvent.NodeStarted(RUN, c[0], task, null));
            m.apply(new RunEvent.NodeFinished(RUN, c[1], task, null, null));
            m.apply(new RunEvent.NodeStarted(RUN, c[1], NodeRef.lyzr("u", "id-2"), null));
            for (Run r : new Run[] {m.runs().get(0), m.copy().runs().get(0), ModelImage.of(m).restore().runs().get(0)}) {
                Execution e = r.executions().get(0);
                assertEquals(c[0], e.startedAt());
                assertEquals(c[1], e.finishedAt());
                assertEquals(Duration.between(c[0], c[1]), e.duration());
                assertEquals(c[0].toEpochMilli(), (long) Math.floor(e.startedMillis()));
                Execution running = r.executions().get(1);
                assertEquals(c[1], running.startedAt());
                assertNull(running.finishedAt());
                assertTrue(Double.isNaN(running.finishedMillis()));
            }
        }
    }
}
