package dev.runlens.ui.replay;

import dev.runlens.replay.LogGenerator;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.runlens.ui.replay.ReplayWindow.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Playing a log at maximum speed, the worker decodes faster than the pump applies (about 500
 * frames a pulse): it keeps only a few pulses' worth of frames waiting for the FX thread, so a
 * large log does not fill the heap with decoded events, and every entry still arrives.
 */
@ExtendWith(ApplicationExtension.class)
class MaxSpeedBacklogTest {
    private static final int EVENTS = 40_000;
    @TempDir
    Path dir;
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    @Test
    void maxSpeedKeepsOnlyAFewPulsesOfFramesQueued() throws Exception {
        Path log = dir.resolve("big.jsonl");
        LogGenerator.write(log, EVENTS, 7);
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                most.accumulateAndGet(dashboard.bridge().backlog(), Math::max);
                Thread.onSpinWait();
            }
        });
        ReplayController controller = fx(() -> dashboard.replay().controller());
        fx(() -> controller.open(log, true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(controller::allFinished).get());
        sampling.set(false);
        sampler.join();
        int size = fx(() -> controller.active().session().index().size());
        assertEquals(size, (int) fx(() -> controller.active().session().emitted()), "every entry handed to the dashboard");
        assertTrue(most.get() <= ReplaySession.MAX_BACKLOG + 64,
                "at most " + ReplaySession.MAX_BACKLOG + " frames waiting (and a few other items), saw " + most.get());
        assertTrue(ReplaySession.MAX_BACKLOG < EVENTS / 4, "the bound is small against the log");
    }

    @Test
    void theReplayIsInUseWhilePlayingOrSeekingAndNotOnceItRestsAWhile() throws Exception {
        Path log = dir.resolve("small.jsonl");
        LogGenerator.write(log, 5_000, 7);
        ReplayController controller = fx(() -> dashboard.replay().controller());
        assertFalse(controller.inUse(), "nothing opened");
        fx(() -> controller.open(log, true));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> controller.inUse());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(controller::allFinished).get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !controller.inUse());
        long sought = System.nanoTime();
        fx(() -> {
            controller.seek(100);
            return null;
        });
        assertTrue(controller.inUse(), "a seek puts it in use again");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !controller.inUse());
        assertTrue(System.nanoTime() - sought >= ReplayController.IN_USE_NANOS, "in use for a while after the seek");
    }
}
