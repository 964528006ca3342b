package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.app.Dashboard;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice area in the whole window, fed live runs through the real bridge and pulse. */
@ExtendWith(ApplicationExtension.class)
class NoticeAreaUiTest {
    private Dashboard dashboard;
    private LiveFrames frames;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.notifyOnBus(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
        frames = new LiveFrames(dashboard.bridge(), dashboard.bridge().newFeed("127.0.0.1:9/ws", true));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void severalEndedRunsShowAsOneLineBesideThePanelsAndTheFailureOpens(FxRobot robot) throws Exception {
        Node area = robot.lookup("#notice-area").query();
        assertFalse(area.isVisible(), "nothing to say yet");
        frames.finished("run-a");
        frames.finished("run-b");
        frames.failed("run-c", "Division by zero");
        frames.finished("run-d");
        waitFor(() -> "3 runs finished, 1 failed".equals(robot.lookup("#notice-runs").queryAs(Labeled.class).getText()));
        assertTrue(area.isVisible());
        assertEquals("run run-c failed: Division by zero", robot.lookup("#notice-failure").queryAs(Labeled.class).getText());
        assertEquals("Notices: 3 runs finished, 1 failed. Newest failure: run run-c failed: Division by zero.",
                area.getAccessibleText());
        // No popup window of any kind, and the area overlaps none of the panels.
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof PopupWindow && w.isShowing()));
        Bounds notices = WaitForAsyncUtils.asyncFx(() -> area.localToScene(area.getLayoutBounds())).get();
        List<Node> panels = List.of(dashboard.inspector(), dashboard.bottomTabs(), dashboard.runs(), dashboard.errors());
        for (Node panel : panels) {
            Bounds b = WaitForAsyncUtils.asyncFx(() -> panel.localToScene(panel.getLayoutBounds())).get();
            assertTrue(b.getWidth() > 0 && b.getHeight() > 0, panel + " is laid out");
            assertFalse(notices.intersects(b), "the notice area " + notices + " covers " + panel.getId() + " " + b);
            assertTrue(notices.getMinY() >= b.getMaxY(), "the notice area lies below " + panel.getId());
        }

        robot.clickOn("#notice-failure");
        WaitForAsyncUtils.waitForFxEvents();
        RunRef failed = new RunRef(Source.SPACE_OPERATOR, "run-c");
        assertEquals(failed, dashboard.selection().run());
        assertEquals(dashboard.model().track(failed).run().firstFailedExecution(), dashboard.selection().execution());
        assertEquals("3 runs finished", robot.lookup("#notice-runs").queryAs(Labeled.class).getText());
        assertFalse(robot.lookup("#notice-failure").query().isVisible());

        robot.clickOn("#notice-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(area.isVisible(), "dismissed");
        frames.finished("run-e");
        waitFor(() -> "1 run finished".equals(robot.lookup("#notice-runs").queryAs(Labeled.class).getText()));
        assertTrue(area.isVisible(), "counting starts again after a dismissal");
    }

    @Test
    void aNoticeAppearingOrGoingMovesNoPanel(FxRobot robot) throws Exception {
        // A status bar that grew by a few pixels when the area showed laid out the whole window
        // again (78 ms in one pulse as a run ended at 20,000 events/s).
        List<Node> panels = List.of(dashboard.inspector(), dashboard.bottomTabs(), dashboard.runs(), dashboard.errors());
        Callable<List<Bounds>> bounds = () -> panels.stream().map(n -> n.localToScene(n.getLayoutBounds())).toList();
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> before = WaitForAsyncUtils.asyncFx(bounds).get();
        frames.failed("run-x", "Division by zero");
        waitFor(() -> robot.lookup("#notice-area").query().isVisible());
        assertEquals(before, WaitForAsyncUtils.asyncFx(bounds).get(), "a notice shown");
        robot.clickOn("#notice-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, WaitForAsyncUtils.asyncFx(bounds).get(), "the notice dismissed");
    }
}
