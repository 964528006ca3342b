package dev.runlens.ui.rows;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.TrackedRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowStoreTest {
    private static final RunRef RUN = new RunRef(Source.SPACE_OPERATOR, "r1");

    @Test
    void everyFieldComesBackAcrossChunkBoundaries() {
        RowStore store = new RowStore(RUN, new TextArena());
        List<EventRow> added = new ArrayList<>();
        int n = 40_000; // more than two chunks, and a first chunk that had to grow
        for (int i = 0; i < n; i++) {
            EventRow r = row(i);
            added.add(r);
            store.add(r);
        }
        assertEquals(n, store.size());
        for (int i = 0; i < n; i++) {
            assertEquals(added.get(i), store.get(i), "row " + i);
        }
        assertEquals(added, store.all());
        assertThrows(IndexOutOfBoundsException.class, () -> store.get(n));
    }

    @Test
    void rowsByExecutionAndRunLevelRows() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        Run run = model.runs().get(0);
        TrackedRun track = model.track(run.ref());
        int byExec = 0;
        for (Execution e : run.executions()) {
            List<EventRow> rows = track.rows(e);
            for (EventRow r : rows) {
                assertSame(e, r.execution());
            }
            byExec += rows.size();
        }
        List<EventRow> flow = track.rows(null);
        flow.forEach(r -> assertEquals(null, r.execution()));
        assertEquals(track.rows().size(), byExec + flow.size());
        assertEquals(track.rows().stream().map(EventRow::kind).distinct().toList(), track.kinds());
        assertEquals(track.rows().stream().map(EventRow::node).filter(java.util.Objects::nonNull).distinct().toList(), track.nodes());
    }

    @Test
    void keptRowsShareTextsAndTakeTheNewExecutions() {
        RowStore store = new RowStore(RUN, new TextArena());
        for (int i = 0; i < 100; i++) {
            store.add(row(i));
        }
        RowStore kept = store.emptyCopy();
        for (int i = 0; i < 50; i++) {
            kept.addFrom(store, i, null);
        }
        assertEquals(50, kept.size());
        for (int i = 0; i < 50; i++) {
            EventRow a = store.get(i);
            EventRow b = kept.get(i);
            assertEquals(new EventRow(a.sequence(), a.receivedAt(), a.time(), a.kind(), a.node(), a.times(), a.summary(),
                    a.frame(), a.run(), null), b);
        }
        assertEquals(50, kept.rows(null).size());
    }

    @Test
    void replayedFramesKeepOnlyTheirPlaceInTheLog() {
        FrameRef.LogEntries log = new FakeLog();
        FrameRef.LogEntries other = new FakeLog();
        RowStore store = new RowStore(RUN, new TextArena());
        List<EventRow> added = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            FrameRef ref = new FrameRef.InLog(i == 500 ? other : log, i * 3, 100 + i);
            EventRow r = new EventRow(i, Instant.ofEpochSecond(1_800_000_000L, i), null, "NodeLog", "n", 0, null, ref, RUN, null);
            added.add(r);
            store.add(r);
        }
        assertEquals(added, store.all());
        RowStore kept = store.emptyCopy();
        kept.addFrom(store, 7, null);
        kept.addFrom(store, 500, null);
        assertEquals(List.of(added.get(7), added.get(500)), kept.all());
    }

    /** Rows of the fixture's run, every third without an execution, sequences as given. */
    private static List<EventRow> rowsOf(Run run, long[] sequences) {
        List<Execution> execs = run.executions();
        List<EventRow> rows = new ArrayList<>();
        for (int k = 0; k < sequences.length; k++) {
            Execution e = k % 3 == 0 ? null : execs.get(k % execs.size());
            rows.add(new EventRow(sequences[k], Instant.ofEpochSecond(1_800_000_000L, k), k % 7 == 0 ? null
                    : Instant.ofEpochSecond(1_700_000_000L, k), k % 2 == 0 ? "NodeLog" : "NodeOutput",
                    e == null ? null : e.node(), e == null ? null : e.times(), "s" + k,
                    new FrameRef.Inline("{\"k\":" + k + "}"), run.ref(), e));
        }
        return rows;
    }

    private static void assertChains(RowStore store, Run run, List<EventRow> expected) {
        assertEquals(expected, store.all());
        for (Execution e : run.executions()) {
            assertEquals(expected.stream().filter(r -> r.execution() == e).toList(), store.rows(e), "rows of " + e);
        }
        assertEquals(expected.stream().filter(r -> r.execution() == null).toList(), store.rows(null));
    }

    @Test
    void aCutKeepsTheRowsBelowThePositionAndLeavesTheStoreItCameFromAsItWas() {
        Run run = TestData.load(TestData.fixture("space-operator-v2-failed-run")).runs().get(0);
        long[] seq = new long[1000];
        for (int k = 0; k < seq.length; k++) {
            seq[k] = 2L * k;
        }
        List<EventRow> rows = rowsOf(run, seq);
        RowStore store = new RowStore(run.ref(), new TextArena());
        store.attach(run);
        rows.forEach(store::add);
        List<EventRow> shown = store.all();

        RowStore cut = store.cut(701);
        cut.attach(run);
        assertChains(cut, run, rows.subList(0, 351));
        assertEquals(rows, List.copyOf(shown), "the earlier store still answers with its rows");
        // Rows added after a cut chain on from the kept ones.
        List<EventRow> more = new ArrayList<>(rows.subList(0, 351));
        for (EventRow r : rowsOf(run, new long[] {800, 801, 802, 803, 804, 805})) {
            cut.add(r);
            more.add(r);
        }
        assertChains(cut, run, more);
        assertChains(cut.cut(0), run, List.of());
    }

    @Test
    void aCutOfRowsOutOfOrderKeepsThoseBelowThePositionInTheirOrder() {
        Run run = TestData.load(TestData.fixture("space-operator-v2-failed-run")).runs().get(0);
        List<EventRow> rows = rowsOf(run, new long[] {5, 3, 9, 1, 12, 4, 20, 0, 7, 6});
        RowStore store = new RowStore(run.ref(), new TextArena());
        store.attach(run);
        rows.forEach(store::add);
        RowStore cut = store.cut(6);
        cut.attach(run);
        assertChains(cut, run, rows.stream().filter(r -> r.sequence() < 6).toList());
    }

    private static final class FakeLog implements FrameRef.LogEntries {
        @Override
        public String text(int entry) {
            return "entry " + entry;
        }

        @Override
        public dev.runlens.protocol.ProtocolEvent event(int entry) {
            return null;
        }
    }

    private static EventRow row(int i) {
        // Null times and summaries, instants outside what a long of nanoseconds holds, spilled
        // frames and text outside ASCII all occur.
        Instant time = i % 7 == 0 ? null : i % 11 == 0 ? Instant.parse("+99999-01-01T00:00:00.000000001Z")
                : Instant.ofEpochSecond(1_700_000_000L + i, i * 1000L);
        Instant received = i % 13 == 0 ? Instant.MIN : Instant.ofEpochSecond(1_800_000_000L, i);
        FrameRef frame = i % 5 == 0 ? new FrameRef.InFile(Path.of("spill"), i * 100L, 100, 90)
                : i == 12_346 ? new FrameRef.Inline("x".repeat(1 << 20)) // too long to pack: kept as it is
                : new FrameRef.Inline("{\"n\":" + i + ",\"t\":\"żółw ✓ 🐢\"}");
        return new EventRow(i, received, time, i % 3 == 0 ? "NodeOutput" : "NodeStart", i % 4 == 0 ? null : "node-" + (i % 9),
                i % 6 == 0 ? null : i % 17, i % 8 == 0 ? null : "summary " + i + " ✓", frame, RUN, null);
    }
}
