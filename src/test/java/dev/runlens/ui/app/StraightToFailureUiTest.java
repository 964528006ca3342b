package dev.runlens.ui.app;

import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.TestData;
import dev.runlens.ui.inspector.InspectorViewModel;
import javafx.scene.control.ListCell;
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

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selecting a failed run shows its first failing execution: its errors and its input, at once. */
@ExtendWith(ApplicationExtension.class)
class StraightToFailureUiTest {
    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private final RunRef failed = new RunRef(Source.SPACE_OPERATOR, TestData.RUN);

    @Start
    void start(Stage stage) {
        dashboard = DashboardFixture.show(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        DashboardFixture.close(dashboard);
    }

    private boolean ended(int runs) {
        return dashboard.model().runs().size() == runs && dashboard.model().runs().stream().allMatch(Run::terminal)
                && dashboard.bridge().backlog() == 0;
    }

    private void assertShowsItsFailure() throws Exception {
        Run run = dashboard.model().runModel().run(failed);
        assertEquals(RunStatus.FAILED, run.status());
        assertNotNull(run.firstFailedExecution());
        assertEquals(failed, dashboard.selection().run());
        assertEquals(run.firstFailedExecution(), dashboard.selection().execution());
        InspectorViewModel inspector = dashboard.inspectorViewModel();
        waitFor(() -> !inspector.errors().isEmpty());
        assertEquals(dev.runlens.ui.inspector.InspectorItems.Tab.ERRORS, inspector.preferredTabProperty().get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> dashboard.inspector().lookup("#inspector-title")).get() != null);
    }

    @Test
    void clickingAFailedRunInTheListSelectsItsFirstFailingExecution(FxRobot robot) throws Exception {
        // The Lyzr sample holds a run that succeeded and one that failed.
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.replay().controller().paceProperty().set(dev.runlens.ui.replay.Pace.MAX);
            dashboard.replay().open(TestData.fixture("lyzr-docs-sample"));
            dashboard.replay().open(TestData.fixture("space-operator-v2-failed-run"));
        }).get();
        waitFor(() -> ended(3));
        // Another run is looked at: the failed one is one click away in the list.
        RunRef other = dashboard.model().runs().stream().filter(r -> r.status() == RunStatus.SUCCEEDED).map(Run::ref).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().runProperty().set(other)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(dashboard.selection().execution(), "a run that did not fail is shown as a whole");

        robot.clickOn(robot.lookup("#runs-list .list-cell").match((ListCell<RunRef> c) -> failed.equals(c.getItem()))
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertShowsItsFailure();
    }

    @Test
    void openingAFileOfAFailedRunLandsOnItsFailure() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.replay().controller().paceProperty().set(dev.runlens.ui.replay.Pace.MAX);
            dashboard.replay().open(TestData.fixture("space-operator-v2-failed-run"));
        }).get();
        waitFor(() -> ended(1));
        assertShowsItsFailure();
    }
}
