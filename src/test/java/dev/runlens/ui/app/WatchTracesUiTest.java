package dev.runlens.ui.app;

import dev.runlens.model.Run;
import dev.runlens.otlp.OtlpEndpoint;
import dev.runlens.otlp.OtlpReceiver;
import dev.runlens.otlp.PayloadPolicy;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** watch --otlp-endpoint: the window keeps showing the run while the collector refuses it, and counts what it dropped. */
@ExtendWith(ApplicationExtension.class)
class WatchTracesUiTest {
    @TempDir
    static Path dir;
    private static OtlpReceiver receiver;
    private Dashboard dashboard;
    private Simulator simulator;

    @Start
    void start(Stage stage) throws Exception {
        receiver = OtlpReceiver.unavailableFirst(Integer.MAX_VALUE);
        OtlpEndpoint endpoint = new OtlpEndpoint(OtlpEndpoint.tracesUrl(receiver.base().toString()), Map.of(), PayloadPolicy.NONE);
        dashboard = DashboardFixture.show(stage, dir, new LiveConnector(null, dir, endpoint), d -> { });
    }

    @AfterEach
    void close() throws Exception {
        DashboardFixture.close(dashboard, simulator, receiver);
    }

    @Test
    void spansTheCollectorRefusesAreCountedInTheStatusBar(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        String runId = simulator.startRun(SoScenario.FAILING);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        Labeled traces = robot.lookup("#status-traces").queryAs(Labeled.class);
        assertTrue(traces.isVisible());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> dashboard.model().runs().size() == 1 && dashboard.model().runs().get(0).terminal()).get());
        Run run = WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().get(0)).get();
        long spans = 1 + run.executions().size() + run.notRun().size();
        // The exporter tries five times (503 each), then gives the batch up.
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> traces.getText().equals("traces: " + spans + " spans dropped")).get());
        assertTrue(receiver.posts() >= 5, "retried: " + receiver.posts());
        assertEquals(0, receiver.spans().size());
    }
}
