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
        assertSame(log, ((FrameRef.InLog) store.get(7).frame()).log());
        assertSame(other, ((FrameRef.InLog) store.get(500).frame()).log());
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
