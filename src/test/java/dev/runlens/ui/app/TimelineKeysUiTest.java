package dev.runlens.ui.app;

import dev.runlens.ui.TestData;
import dev.runlens.ui.timeline.TimelineView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's keys in the window: + and - zoom, F fits the run again. */
@ExtendWith(ApplicationExtension.class)
class TimelineKeysUiTest {
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1100, 700);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    @Test
    void plusZoomsInAndFFitsTheRunAgain(FxRobot robot) throws Exception {
        dashboard.openFile(TestData.fixture("space-operator-v2-failed-run"));
        TimelineView timeline = dashboard.timeline();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> timeline.data() != null && timeline.data().run().terminal()));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        double fitted = fx(() -> timeline.viewport().end() - timeline.viewport().start());
        robot.clickOn("#timeline");
        robot.type(KeyCode.EQUALS).type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = fx(() -> timeline.viewport().end() - timeline.viewport().start());
        assertEquals(fitted * 0.49, zoomed, fitted * 0.01, "each + shows 70 % of the span");
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> fx(() -> Math.abs(timeline.viewport().end() - timeline.viewport().start() - fitted) < fitted * 1e-6));
        assertTrue(fx(() -> timeline.viewport().end() - timeline.viewport().start()) > zoomed);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
