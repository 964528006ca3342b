package dev.runlens.ui.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.summary.FrameStats;
import dev.runlens.summary.SummaryJson;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.rows.EventRow;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window with a private config folder, and the helpers the replay UI tests share. */
@ExtendWith(ApplicationExtension.class)
abstract class ReplayUiTestSupport {
    static Path config;
    private static String oldConfig;
    @TempDir
    Path dir;
    Dashboard dashboard;

    @BeforeAll
    static void privateConfig() throws Exception {
        config = Files.createTempDirectory("runlens-config");
        oldConfig = System.getProperty("runlens.config.dir");
        System.setProperty("runlens.config.dir", config.toString());
    }

    @AfterAll
    static void restoreConfig() {
        if (oldConfig == null) {
            System.clearProperty("runlens.config.dir");
        } else {
            System.setProperty("runlens.config.dir", oldConfig);
        }
    }

    /** The window; each test class calls it from its own {@code @Start} (TestFX looks for that method in the class itself). */
    void open(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    ReplayController controller() {
        return dashboard.replay().controller();
    }

    ReplayIndex index() {
        return controller().active().session().index();
    }

    /** Opens {@code file} at max pace and waits until it is played to its end. */
    void openAndPlayToEnd(Path file) throws Exception {
        fx(() -> controller().paceProperty().set(Pace.MAX));
        fx(() -> dashboard.openFile(file));
        waitFor(() -> controller().active() != null && controller().allFinished());
    }

    /** Seeks on the FX thread, as the slider does, and waits until the dashboard shows that position. */
    void seek(int p) throws Exception {
        fx(() -> controller().seek(p));
        settle(p);
    }

    void settle(int p) throws Exception {
        waitFor(() -> controller().active().position() == p && controller().active().session().emitted() == p
                && dashboard.bridge().backlog() == 0);
    }

    /** The dashboard's runs, as summary JSON keyed by run id. */
    Map<String, JsonNode> shownRuns() throws Exception {
        return fx(() -> byId(dashboard.model().runs()));
    }

    static Map<String, JsonNode> byId(List<Run> runs) {
        Map<String, JsonNode> out = new HashMap<>();
        for (Run r : runs) {
            out.put(r.ref().runId(), SummaryJson.of(List.of(r), new FrameStats()).get("runs").get(0));
        }
        return out;
    }

    /** Checks what the window shows at {@code p} against the model built from scratch there. */
    void assertShowsStateAt(int p) throws Exception {
        ReplayIndex index = index();
        RunModel expected = ReplayEngine.stateAt(index, p);
        assertEquals(byId(expected.runs()), shownRuns(), "runs at position " + p);
        assertEquals(expected.applied(), (long) fx(() -> dashboard.model().eventsApplied()), "events applied at " + p);
        // Event log rows: one per run event of each run before p, in order.
        Map<RunRef, Integer> rows = new HashMap<>();
        for (int i = 0; i < p; i++) {
            if (index.kind(i).isRunEvent()) {
                rows.merge(index.run(i), 1, Integer::sum);
            }
        }
        for (Run r : expected.runs()) {
            TrackedRun t = fx(() -> dashboard.model().track(r.ref()));
            assertEquals(rows.get(r.ref()), t.rows().size(), "rows of " + r.ref().runId() + " at " + p);
            for (EventRow row : t.rows()) {
                assertTrue(row.sequence() < p);
                if (row.execution() != null) {
                    assertTrue(t.run().executions().contains(row.execution()), "row linked to a current execution");
                }
            }
        }
        long errors = 0;
        for (Run r : expected.runs()) {
            errors += r.errors().size() + r.gaps().size();
        }
        long expectedErrors = errors;
        waitFor(() -> dashboard.errorsViewModel().totalProperty().get() == expectedErrors);
        assertEquals(String.valueOf(p), fx(() -> TransportControls.<Label>of(dashboard, "replay-position").getText()).split(" ")[1]);
    }

}
