package dev.runlens.ui.app;

import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exception nobody caught, on the FX thread or another, reaches the error panel and the log file; the window goes on. */
@ExtendWith(ApplicationExtension.class)
class CrashHandlerUiTest {
    @TempDir
    Path state;
    private final Logger root = LogManager.getLogManager().getLogger("");
    private Handler[] handlersBefore;
    private Level levelBefore;
    private Thread.UncaughtExceptionHandler defaultBefore;
    private Thread.UncaughtExceptionHandler fxBefore;
    private Dashboard dashboard;
    private Path log;

    @Start
    void start(Stage stage) throws Exception {
        handlersBefore = root.getHandlers();
        levelBefore = root.getLevel();
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
        // As RunlensApplication does, with the state folder of this test instead of $XDG_STATE_HOME.
        log = AppLog.install(state.resolve("runlens"));
        CrashHandler crashes = CrashHandler.install();
        dashboard = new Dashboard(null);
        crashes.showIn(dashboard.bridge());
        dashboard.attach(stage, 1100, 700);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            CrashHandler.install().showIn(null);
            Thread.currentThread().setUncaughtExceptionHandler(fxBefore);
            dashboard.close();
        }).get();
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        for (Handler h : handlersBefore) {
            root.addHandler(h);
        }
        root.setLevel(levelBefore);
    }

    private boolean panelShows(FxRobot robot, String text) {
        return robot.lookup("#errors-table").lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().contains(text));
    }

    @Test
    void anExceptionOnTheFxThreadIsShownInTheErrorPanelAndWrittenToTheLog(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("boom on the FX thread");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panelShows(robot, "boom on the FX thread"));
        assertTrue(panelShows(robot, "Runlens error"), "the kind column says whose fault it is");
        assertTrue(panelShows(robot, "stack trace in " + log), "the panel says where the details are");
        String text = Files.readString(log);
        assertTrue(text.contains("SEVERE") && text.contains("IllegalStateException: boom on the FX thread"), text);
        assertTrue(text.contains("\tat dev.runlens.ui.app.CrashHandlerUiTest"), "with its stack trace:\n" + text);
        assertTrue(robot.lookup("#dashboard").tryQuery().isPresent(), "the window is still there");
    }

    @Test
    void anExceptionOnAnotherThreadToo(FxRobot robot) throws Exception {
        Thread t = new Thread(() -> {
            throw new UnsupportedOperationException("boom on a worker");
        }, "runlens-test-worker");
        t.start();
        t.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panelShows(robot, "boom on a worker"));
        assertTrue(panelShows(robot, "thread runlens-test-worker"));
        assertTrue(Files.readString(log).contains("uncaught exception on thread runlens-test-worker"));
    }
}
