package dev.runlens.ui.replay;

import dev.runlens.replay.BackgroundPriorityTest;
import dev.runlens.replay.LogGenerator;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Opening a log for replay puts the JIT compiler threads below the window (decision 0092). */
@EnabledOnOs(OS.LINUX)
class ReplayPriorityTest extends ReplayUiTestSupport {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void openingALogLowersTheCompilerThreads() throws Exception {
        // The JVM's compiler threads inherit the process's nice value (its main thread's).
        int base = BackgroundPriorityTest.niceOfProcess();
        int expected = Math.min(19, base + 4);
        List<Integer> compilers = BackgroundPriorityTest.compilerThreads();
        assertFalse(compilers.isEmpty());
        Path log = dir.resolve("priority.jsonl");
        LogGenerator.write(log, 2_000, 2);
        ReplayController controller = fx(() -> dashboard.replay().controller());
        fx(() -> controller.open(log, false));
        // Those that were there before the log opened (the JVM may end an idle one meanwhile).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            List<Integer> lowered = new ArrayList<>();
            for (int tid : compilers) {
                try {
                    if (BackgroundPriorityTest.niceOf(tid) != expected) {
                        return false;
                    }
                    lowered.add(tid);
                } catch (IOException ended) {
                    // gone
                }
            }
            return !lowered.isEmpty();
        });
    }
}
