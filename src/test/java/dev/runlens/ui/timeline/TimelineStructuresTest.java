package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineStructuresTest {
    @TempDir
    Path dir;

    @Test
    void hitIndexAnswersFromWhatWasDrawn() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        Run run = model.runs().get(0);
        Execution a = run.executions().get(0);
        Execution b = run.executions().get(1);
        HitIndex hits = new HitIndex();
        hits.row(24, 48);
        hits.bar(200, 260, a);
        hits.row(48, 72);
        hits.bar(300, 300.5, b);
        assertSame(a, hits.hit(230, 30));
        assertSame(a, hits.hit(262, 30), "within the slop");
        assertNull(hits.hit(280, 30));
        assertSame(b, hits.hit(301, 60), "a sub-pixel bar is still reachable");
        assertNull(hits.hit(230, 60), "the right row only");
        assertNull(hits.hit(230, 10), "the axis holds no bars");
        assertEquals(2, hits.bars());
    }

    @Test
    void rowsFindTheVisibleRangeByBinarySearch() {
        DashboardModel model = TestData.load(TestData.write(dir, "loop.jsonl", TestData.v2Run("run-t", 2000, true)));
        TimelineData data = new TimelineData(model.runs().get(0));
        data.prepare();
        List<TimelineRow> rows = data.rows();
        assertEquals(3, rows.size(), "two nodes that ran and one not run");
        assertTrue(rows.get(2).notRun());
        TimelineRow loop = rows.get(1);
        assertEquals(2000, loop.size());
        double from = loop.startAt(1500);
        int first = loop.firstVisible(from);
        assertTrue(first <= 1500);
        for (int i = 0; i < first; i++) {
            assertTrue(TimelineRow.endMillis(loop.sortedAt(i), data.run(), 0) < from);
        }
    }

    @Test
    void viewportZoomKeepsTheAnchorAndPanMovesTime() {
        Viewport v = new Viewport();
        v.setPlot(100, 1000);
        v.set(0, 10_000);
        assertEquals(100, v.x(0), 1e-9);
        assertEquals(1100, v.x(10_000), 1e-9);
        double anchorTime = v.time(600);
        v.zoom(0.5, 600);
        assertEquals(anchorTime, v.time(600), 1e-6);
        assertEquals(5000, v.end() - v.start(), 1e-6);
        v.pan(100);
        assertEquals(anchorTime - 500, v.time(600), 1e-6);
        v.fit(1000, 2000);
        assertTrue(v.start() < 1000 && v.end() > 2000);
    }

    @Test
    void axisStepsAndLabelsInEachZone() {
        assertEquals(1000, TimeAxis.step(10, 90));
        assertEquals(0.2, TimeAxis.step(0.002, 90), 1e-12);
        double t = 1_763_800_200_500.0; // 2025-11-22T08:30:00.500Z
        assertEquals("08:30:00.500", TimeAxis.label(t, 100, TimeZoneMode.UTC, t, ZoneOffset.UTC));
        assertEquals("09:30:00", TimeAxis.label(t, 1000, TimeZoneMode.LOCAL, t, ZoneOffset.ofHours(1)));
        assertEquals("+1.500 s", TimeAxis.label(t + 1500, 500, TimeZoneMode.RELATIVE, t, ZoneOffset.UTC));
        assertEquals("+2m30s", TimeAxis.label(t + 150_000, 30_000, TimeZoneMode.RELATIVE, t, ZoneOffset.UTC));
    }
}
