package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline driven with the mouse over a run of 100,000 executions: hover shows the
 * execution's times and duration, a drag pans, the wheel zooms, fit shows the whole run, a click
 * selects, and the time zone changes what the times say.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineInteractionUiTest {
    private static final int NODES = 10;
    private static final int EXECUTIONS = 100_000;
    private static final Instant T0 = Instant.parse("2025-11-22T08:30:00Z");
    private static Run run;

    @TempDir
    static Path dir;
    private TimelineView view;
    private final AtomicReference<Execution> clicked = new AtomicReference<>();

    @BeforeAll
    static void hundredThousandExecutions() {
        List<String> lines = new ArrayList<>(2 * EXECUTIONS + 2);
        lines.add(TestData.v2("run-100k", "FlowStart", "\"time\":\"" + T0 + "\""));
        for (int i = 0; i < EXECUTIONS; i++) {
            // Ten nodes take turns, one start per millisecond, each running 0.6 ms.
            String node = "\"node_id\":\"node-" + (i % NODES) + "\",\"times\":" + (i / NODES);
            Instant start = T0.plusMillis(i + 1);
            lines.add(TestData.v2("run-100k", "NodeStart", "\"time\":\"" + start + "\"," + node + ",\"input\":{\"M\":{}}"));
            lines.add(TestData.v2("run-100k", "NodeFinish", "\"time\":\"" + start.plusNanos(600_000) + "\"," + node));
        }
        lines.add(TestData.v2("run-100k", "FlowFinish", "\"time\":\"" + T0.plusMillis(EXECUTIONS + 10) + "\",\"not_run\":[],\"output\":{\"M\":{}}"));
        DashboardModel model = TestData.load(TestData.write(dir, "100k.jsonl", lines));
        run = model.runs().get(0);
        assertEquals(EXECUTIONS, run.executions().size());
    }

    @Start
    void start(Stage stage) {
        view = new TimelineView(new NodeNames(), (r, e) -> clicked.set(e));
        stage.setScene(new Scene(view, 1000, 400));
        // JavaFX 26's headless platform hands the robot's wheel events the screen position as the
        // scene position: at the screen's origin, the two agree.
        stage.setX(0);
        stage.setY(0);
        stage.show();
        view.setData(new TimelineData(run));
        view.paintIfDirty();
    }

    @Test
    void hoverDragWheelFitAndClickOverAHundredThousandExecutions(FxRobot robot) throws Exception {
        assertTrue(fx(() -> view.hitIndex().bars()) < NODES * 1_000, "the fitted run is painted as about one bar per pixel");
        Execution target = run.execution("node-3", 5_000);
        // Zoom in around the target until single executions are wide enough to point at.
        fx(() -> {
            view.zoomAt(0.0004, view.pointOf(target)[0]);
            view.paintIfDirty();
            return null;
        });
        double[] p = fx(() -> view.pointOf(target));
        robot.moveTo(screen(p[0], p[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> view.hoverCard().isVisible()), "hovering a bar shows its card");
        String card = fx(() -> view.hoverCard().getText());
        assertEquals(fx(() -> view.describe(target)), card);
        assertTrue(card.contains("#5000") && card.contains("duration 0.600 ms"), card);

        double startBefore = fx(() -> view.viewport().start());
        double mpp = fx(() -> view.viewport().millisPerPixel());
        robot.drag(screen(p[0], p[1]), MouseButton.PRIMARY).moveBy(-150, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double moved = fx(() -> view.viewport().start()) - startBefore;
        assertEquals(150 * mpp, moved, 15 * mpp, "dragging 150 px left shows 150 px later in time");
        assertEquals(null, clicked.get(), "a drag is not a click");

        double span = fx(() -> view.viewport().end() - view.viewport().start());
        robot.moveTo(screen(500, 200)).scroll(2, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedIn = fx(() -> view.viewport().end() - view.viewport().start());
        robot.scroll(4, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedOut = fx(() -> view.viewport().end() - view.viewport().start());
        assertTrue(zoomedIn != span && zoomedOut != zoomedIn && (zoomedIn < span) != (zoomedOut < zoomedIn),
                "the wheel zooms one way and back the other: " + span + " / " + zoomedIn + " / " + zoomedOut);

        fx(() -> {
            view.fit();
            view.paintIfDirty();
            return null;
        });
        double[] extent = fx(() -> view.data().extent(TimelineRow.millis(Instant.now())));
        double pad = (extent[1] - extent[0]) * 0.03;
        assertEquals(extent[0] - pad, fx(() -> view.viewport().start()), 1, "fit shows the whole run with a 3 % margin");
        assertEquals(extent[1] + pad, fx(() -> view.viewport().end()), 1);

        Execution other = run.execution("node-7", 9_000);
        fx(() -> {
            view.zoomAt(0.0004, view.pointOf(other)[0]);
            view.paintIfDirty();
            return null;
        });
        double[] q = fx(() -> view.pointOf(other));
        robot.clickOn(screen(q[0], q[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(other, clicked.get());
    }

    @Test
    void theTimeZoneChangesWhatTheTimesSay() throws Exception {
        Execution e = run.execution("node-0", 0);
        fx(() -> {
            view.zoneProperty().set(TimeZoneMode.UTC);
            return null;
        });
        assertTrue(fx(() -> view.describe(e)).contains("start   2025-11-22 08:30:00.001000 UTC"), fx(() -> view.describe(e)));
        fx(() -> {
            view.zoneProperty().set(TimeZoneMode.RELATIVE);
            return null;
        });
        assertTrue(fx(() -> view.describe(e)).contains("start   +1.000 ms"), fx(() -> view.describe(e)));
        fx(() -> {
            view.zoneProperty().set(TimeZoneMode.LOCAL);
            return null;
        });
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(T0.plusMillis(1).atZone(ZoneId.systemDefault()));
        String text = fx(() -> view.describe(e));
        assertTrue(text.contains("start   " + local) && !text.contains("UTC"), text);
    }

    private Point2D screen(double x, double y) throws Exception {
        return fx(() -> view.canvas().localToScreen(x, y));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
