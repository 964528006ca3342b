package dev.runlens.ui.replay;

import dev.runlens.replay.LogGenerator;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once a file is indexed, the worker runs a seek's code on a scratch engine so the operator's
 * first seek is not the cold one; the window shows nothing of it: a paused file stays at its
 * start, and a seek afterwards lands where it was asked.
 */
class SeekWarmUpTest extends ReplayUiTestSupport {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void warmingTheSeekCodeChangesNothingShown() throws Exception {
        Path log = dir.resolve("warm.jsonl");
        LogGenerator.write(log, 30_000, 3);
        ReplayController controller = fx(() -> dashboard.replay().controller());
        fx(() -> controller.open(log, false));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> controller.active() != null));
        ReplaySession session = fx(() -> controller.active().session());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.seeksWarm);
        assertEquals(0, session.emitted(), "nothing handed to the dashboard");
        assertEquals(0, dashboard.bridge().backlog());
        assertTrue(fx(() -> dashboard.model().runs().isEmpty()), "no run shown while paused at the start");
        int target = session.index().size() / 3;
        WaitForAsyncUtils.asyncFx(() -> controller.seek(target)).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.emitted() == target && dashboard.bridge().backlog() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target, (int) fx(() -> controller.positionProperty().get()));
        assertTrue(fx(() -> !dashboard.model().runs().isEmpty()), "the seek restored the runs at its target");
    }
}
