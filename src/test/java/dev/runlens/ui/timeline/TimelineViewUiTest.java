package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline painting 20,000 executions: coalesced, and nothing that matters is skipped. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewUiTest {
    @TempDir
    Path dir;
    private TimelineView view;
    private final AtomicReference<Execution> clicked = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        view = new TimelineView(new NodeNames(), (run, e) -> clicked.set(e));
        stage.setScene(new Scene(view, 1000, 300));
        stage.show();
    }

    @Test
    void twentyThousandBarsPaintAsAFewHundredAndTheFailedOneStaysReachable() throws Exception {
        List<String> lines = new ArrayList<>(TestData.v2Run("run-big", 20_000, false));
        String node = "\"node_id\":\"22222222-2222-4222-8222-222222222222\",\"times\":12345";
        lines.add(TestData.v2("run-big", "NodeError", "\"time\":\"2025-11-22T08:30:14.000Z\"," + node + ",\"error\":\"boom\""));
        lines.add(TestData.v2("run-big", "FlowFinish", "\"time\":\"2025-11-22T08:30:30.000Z\",\"not_run\":[],\"output\":{\"M\":{}}"));
        DashboardModel model = TestData.load(TestData.write(dir, "big.jsonl", lines));
        Run run = model.runs().get(0);
        Execution failed = run.execution("22222222-2222-4222-8222-222222222222", 12345);
        assertEquals(ExecutionStatus.FAILED, failed.status());
        WaitForAsyncUtils.asyncFx(() -> {
            view.setData(new TimelineData(run));
            view.paintIfDirty();
        }).get();
        int bars = view.hitIndex().bars();
        assertTrue(bars < 2_000, "coalesced to about one bar per pixel, painted " + bars);
        double[] p = WaitForAsyncUtils.asyncFx(() -> view.pointOf(failed)).get();
        assertSame(failed, view.hitIndex().hit(p[0], p[1]), "a failed bar is never skipped");
        // Zooming in far enough shows single executions again.
        double span = view.viewport().end() - view.viewport().start();
        WaitForAsyncUtils.asyncFx(() -> {
            view.zoomAt(0.0005, p[0]);
            view.paintIfDirty();
        }).get();
        assertEquals(span * 0.0005, view.viewport().end() - view.viewport().start(), span * 1e-6);
        assertTrue(view.hitIndex().bars() < 50, "only the few bars in view are painted");
        double[] q = WaitForAsyncUtils.asyncFx(() -> view.pointOf(failed)).get();
        assertSame(failed, WaitForAsyncUtils.asyncFx(() -> view.clickAt(q[0], q[1])).get());
        assertSame(failed, clicked.get());
    }
}
