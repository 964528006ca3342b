package dev.runlens.ui.app;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.Source;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.dashboard.FeedStatus;
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
import java.util.List;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window connected through the real WebSocket path to the project's simulator on 127.0.0.1. */
@ExtendWith(ApplicationExtension.class)
class LiveDashboardUiTest {
    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private Simulator simulator;
    private Demo demo;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dashboard = DashboardFixture.show(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        DashboardFixture.close(dashboard, demo, simulator);
    }

    /** What the notice area in the status bar says, or empty while it is hidden. */
    private String notices() {
        javafx.scene.Node area = stage.getScene().lookup("#notice-area");
        return area.isVisible() ? area.getAccessibleText() : "";
    }

    /** True while any popup window shows (notices must not use them). */
    private static boolean anyPopup() {
        return javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.stage.PopupWindow && w.isShowing());
    }

    @Test
    void aLiveFailingRunIsShownSelectedAndRecordedWithoutItsToken(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        String runId = simulator.startRun(SoScenario.FAILING);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        waitFor(() -> dashboard.model().runs().size() == 1 && dashboard.model().runs().get(0).terminal()
                && dashboard.inspectorViewModel().errors().size() == 2);
        Run run = dashboard.model().runs().get(0);
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(run.firstFailedExecution(), dashboard.selection().execution());
        assertTrue(robot.lookup("#inspector-title").queryAs(Labeled.class).getText().endsWith("#0"));
        waitFor(() -> dashboard.model().feeds().stream().map(FeedStatus::state).anyMatch(s -> s == ConnectionState.FINISHED));
        // The notice area says the run failed, and why; no popup covers the panels.
        waitFor(() -> notices().contains("1 run failed"));
        assertTrue(WaitForAsyncUtils.asyncFx(this::notices).get().contains(runId.substring(0, 8) + "… failed: "),
                WaitForAsyncUtils.asyncFx(this::notices).get());
        assertFalse(WaitForAsyncUtils.asyncFx(LiveDashboardUiTest::anyPopup).get());

        Path recording = dashboard.connections().get(0).recording();
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        String recorded = Files.readString(recording);
        assertTrue(recorded.contains(runId));
        assertTrue(recorded.contains("NodeError"));
        assertFalse(recorded.contains(simulator.demoToken()), "the token is never recorded");
    }

    @Test
    void aLiveRunThatSucceedsIsAnnouncedAsFinishedWithItsExecutions() throws Exception {
        List<String> sheets = WaitForAsyncUtils.asyncFx(() -> List.copyOf(stage.getScene().getStylesheets())).get();
        simulator = Simulator.start(SimulatorOptions.fast());
        String runId = simulator.startRun(SoScenario.BALANCE);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        waitFor(() -> dashboard.model().runs().size() == 1 && dashboard.model().runs().get(0).terminal());
        Run run = dashboard.model().runs().get(0);
        assertEquals(RunStatus.SUCCEEDED, run.status());
        String expected = "1 run finished.";
        waitFor(() -> notices().contains(expected));
        assertFalse(WaitForAsyncUtils.asyncFx(this::notices).get().contains("failed"));
        assertFalse(WaitForAsyncUtils.asyncFx(LiveDashboardUiTest::anyPopup).get());
        // Telling it did not add a style sheet to the window (which would restyle all of it).
        assertEquals(sheets, WaitForAsyncUtils.asyncFx(() -> List.copyOf(stage.getScene().getStylesheets())).get());
    }

    @Test
    void theDemoShowsLiveRunsUnderABanner(FxRobot robot) throws Exception {
        SimulatorOptions options = SimulatorOptions.fastBuilder().demoRunsAtStart(true)
                .eventInterval(java.time.Duration.ofMillis(40)).build();
        // As the application does it: the simulator starts in the background, the banner follows it.
        java.util.concurrent.CompletableFuture<Demo> starting =
                WaitForAsyncUtils.asyncFx(() -> Demo.startInBackground(dashboard, options)).get();
        demo = starting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        waitFor(() -> robot.lookup("#demo-banner").queryAll().stream().anyMatch(n -> n.lookupAll(".label").stream()
                .anyMatch(l -> ((javafx.scene.control.Label) l).getText().startsWith("These runs come from"))));
        assertEquals(1, robot.lookup("#demo-banner").queryAll().size(), "one banner at a time");
        waitFor(() -> dashboard.model().runs().stream().filter(r -> r.ref().source() == Source.SPACE_OPERATOR).count()
                == SoScenario.values().length
                && dashboard.model().runs().stream().anyMatch(r -> r.terminal() && r.status() == RunStatus.FAILED));
        assertTrue(dashboard.model().eventsApplied() > 20);
    }
}
