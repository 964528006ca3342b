package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.app.Dashboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window tells the desktop (a real notification service on a private D-Bus daemon) when runs
 * end while it is not focused, and a click on that notification brings it up with the run selected.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopNotificationUiTest {
    @TempDir
    static Path dir;
    private PrivateBus bus;
    private RecordingNotificationService service;
    private Dashboard dashboard;
    private Stage stage;
    private LiveFrames frames;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        bus = new PrivateBus(java.nio.file.Files.createTempDirectory(dir, "bus"));
        service = bus.serve(new RecordingNotificationService());
        dashboard = new Dashboard(null);
        dashboard.notifyOnBus(bus.address());
        dashboard.attach(stage, 1280, 780);
        stage.show();
        frames = new LiveFrames(dashboard.bridge(), dashboard.bridge().newFeed("127.0.0.1:9/ws", true));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        bus.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void runsEndingWhileTheWindowIsAwayRaiseOneNotificationThatBringsTheRunUp() throws Exception {
        // While the operator looks at the window, the notice area is enough.
        waitFor(stage::isFocused);
        frames.finished("seen-run");
        waitFor(() -> dashboard.model().runs().size() == 1);
        assertNull(service.next(800), "no desktop notification while the window is focused");

        // The operator minimizes the window.
        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(true)).get();
        frames.finished("run-a");
        frames.failed("run-b", "Division by zero");
        frames.finished("run-c");
        RecordingNotificationService.Call call = service.next();
        assertNotNull(call, "no Notify call reached the desktop");
        assertEquals("2 runs finished, 1 failed", call.summary());
        assertEquals("run run-b failed: Division by zero", call.body());
        assertTrue(call.actions().contains("default"));

        bus.click(call.returnedId(), "default");
        RunRef failed = new RunRef(Source.SPACE_OPERATOR, "run-b");
        waitFor(() -> failed.equals(dashboard.selection().run()));
        assertFalse(stage.isIconified(), "the window came up");
        assertEquals(dashboard.model().track(failed).run().firstFailedExecution(), dashboard.selection().execution());
        assertTrue(WaitForAsyncUtils.asyncFx(stage::isFocused).get());
    }
}
