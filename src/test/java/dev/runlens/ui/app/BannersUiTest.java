package dev.runlens.ui.app;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One banner shows, the newest; when it is cleared the one it covered comes back. */
@ExtendWith(ApplicationExtension.class)
class BannersUiTest {
    @TempDir
    static Path dir;
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(new LiveConnector(null, dir, null));
        dashboard.attach(stage, 900, 600);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(dashboard::close).get();
    }

    private static List<String> titles(FxRobot robot) {
        return robot.lookup("#demo-banner .banner-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aClearedBannerUncoversTheOneBefore(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.showBanner("Demo", "These runs come from the built-in simulator.");
            dashboard.showBanner("Waiting for input", "A run waits for an answer.");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Waiting for input"), titles(robot), "the newest shows, alone");

        WaitForAsyncUtils.asyncFx(() -> dashboard.clearBanner("Waiting for input")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Demo"), titles(robot), "the demo's banner comes back");

        WaitForAsyncUtils.asyncFx(() -> dashboard.clearBanner("Not shown")).get();
        WaitForAsyncUtils.asyncFx(() -> dashboard.clearBanner("Demo")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), titles(robot));
    }
}
