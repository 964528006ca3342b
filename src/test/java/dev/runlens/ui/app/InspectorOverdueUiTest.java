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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspector of a selected execution that runs past its usual time says so, with the figures, while it runs. */
@ExtendWith(ApplicationExtension.class)
class InspectorOverdueUiTest {
    private static final String FLOW = UsualFlowHistory.FLOW;
    private static final String SENTENCE =
            "Overdue: \\d+(\\.\\d)?× its usual time \\(running .+; usual median 5.0ms, 95% within 10.0ms over 20 runs\\)";

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


    private static String shown(FxRobot robot) {
        Label l = robot.lookup("#inspector-overdue").queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    @Test
    void theSelectedRunningExecutionSaysItIsOverdueWithItsUsualFiguresUntilItFinishes(FxRobot robot) throws Exception {
        // 1.5 s between events: each task runs for one to two intervals, against a usual 5 ms.
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(1500)).build());
        LyzrRunName name = simulator.startLyzrRun(LyzrScenario.SUPPORT_PIPELINE);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings("ws://127.0.0.1:" + simulator.port(),
                ProtocolChoice.LYZR, new TokenSource.None(), List.of(), name.flow(), name.run()))).get();
        AtomicReference<Execution> running = new AtomicReference<>();
        DashboardFixture.waitFor(() -> {
            if (dashboard.model().runs().isEmpty()) {
                return false;
            }
            Run run = dashboard.model().runs().get(0);
            for (Execution e : run.executions()) {
                if (e.status() == ExecutionStatus.RUNNING && !run.terminal()) {
                    dashboard.selection().select(run.ref(), e);
                    running.set(e);
                    return true;
                }
            }
            return false;
        });
        AtomicReference<String> first = new AtomicReference<>();
        DashboardFixture.waitFor(() -> {
            first.set(shown(robot));
            return !first.get().isEmpty();
        });
        assertTrue(first.get().matches(SENTENCE), first.get());
        // Re-evaluated once a second while it runs: the running time and the factor grow.
        AtomicReference<String> later = new AtomicReference<>();
        DashboardFixture.waitFor(() -> {
            later.set(shown(robot));
            return !later.get().equals(first.get()) || running.get().finished();
        });
        if (!running.get().finished()) {
            assertTrue(later.get().matches(SENTENCE), later.get());
            assertNotEquals(first.get(), later.get());
        }
        // A finished execution is not overdue: the line goes.
        DashboardFixture.waitFor(() -> running.get().finished() && shown(robot).isEmpty());
    }
}
