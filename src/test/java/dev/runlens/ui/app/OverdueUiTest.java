package dev.runlens.ui.app;

import dev.runlens.history.RunHistory;
import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live run from the simulator whose first task runs far longer than its usual time gets flagged while it runs. */
@ExtendWith(ApplicationExtension.class)
class OverdueUiTest {
    private static final String FLOW = UsualFlowHistory.FLOW;

    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private Simulator simulator;

    private static final RunHistory HISTORY = new UsualFlowHistory();

    @Start
    void start(Stage stage) {
        dashboard = DashboardFixture.show(stage, dir, new LiveConnector(null, dir, null), d -> d.setHistory(HISTORY));
    }

    @AfterEach
    void close() throws Exception {
        DashboardFixture.close(dashboard, simulator);
    }

    private static boolean runsListSays(FxRobot robot, String text) {
        return robot.lookup(".run-detail").queryAllAs(Labeled.class).stream().anyMatch(l -> l.getText() != null && l.getText().contains(text));
    }

    @Test
    void aTaskRunningPastItsUsualTimeIsFlaggedInTheTimelineAndTheRunsList(FxRobot robot) throws Exception {
        // 700 ms between events: each task runs for one to two intervals, against a usual 5 ms.
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(700)).build());
        LyzrRunName name = simulator.startLyzrRun(LyzrScenario.SUPPORT_PIPELINE);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings("ws://127.0.0.1:" + simulator.port(),
                ProtocolChoice.LYZR, new TokenSource.None(), List.of(), name.flow(), name.run()))).get();
        // Each mark is caught while the run is live, not necessarily in the same poll: the overdue
        // check runs once a second and the runs list redraws four times a second, so a task of one
        // interval could end between the two (seen once in a full verify).
        AtomicReference<String> hover = new AtomicReference<>();
        AtomicBoolean listed = new AtomicBoolean();
        waitFor(() -> {
            if (dashboard.model().runs().isEmpty() || dashboard.timeline().data() == null) {
                return false;
            }
            Run run = dashboard.model().runs().get(0);
            if (run.terminal()) {
                return false;
            }
            for (Execution e : run.executions()) {
                String text = e.status() == ExecutionStatus.RUNNING ? dashboard.timeline().describe(e) : "";
                if (text.contains("Overdue: ")) {
                    hover.set(text);
                }
            }
            if (runsListSays(robot, "OVERDUE · ")) {
                listed.set(true);
            }
            return hover.get() != null && listed.get();
        });
        assertTrue(hover.get().matches("(?s).*Overdue: \\d+(\\.\\d)?× its usual time \\(running .*; usual median 5.0ms, 95% within 10.0ms over 20 runs\\).*"),
                hover.get());
        // Once the run has ended nothing runs late any more: the mark goes with the next evaluation.
        waitFor(() -> dashboard.model().runs().get(0).terminal() && !runsListSays(robot, "OVERDUE"));
    }
}
