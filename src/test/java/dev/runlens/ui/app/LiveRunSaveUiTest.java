package dev.runlens.ui.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.ConnectionState;
import dev.runlens.json.Json;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.dashboard.FeedStatus;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A run watched live over the real WebSocket path, saved from the window as a log and read back. */
@ExtendWith(ApplicationExtension.class)
class LiveRunSaveUiTest {
    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private Simulator simulator;

    @Start
    void start(Stage stage) {
        dashboard = DashboardFixture.show(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        // The server stops first, so it never sends into a session the client already closed.
        if (simulator != null) {
            simulator.close();
        }
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static JsonNode runJson(Run run) {
        return SummaryJson.of(List.of(run), new dev.runlens.summary.FrameStats()).get("runs").get(0);
    }

    @Test
    void aLiveRunSavedAsALogReadsBackAsTheSameRun() throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        String runId = simulator.startRun(SoScenario.FAILING);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().size() == 1
                && dashboard.model().runs().get(0).terminal()).get());
        // The server is done with the connection before the test ends (no late sends into a closed session).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> dashboard.model().feeds().stream()
                .map(FeedStatus::state).anyMatch(s -> s == ConnectionState.FINISHED)).get());
        WaitForAsyncUtils.waitForFxEvents();
        Run run = dashboard.model().runs().get(0);
        assertEquals(RunStatus.FAILED, run.status());
        JsonNode shown = WaitForAsyncUtils.asyncFx(() -> runJson(dashboard.model().runs().get(0))).get();

        Path saved = dir.resolve("live-run.jsonl");
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.selection().runProperty().set(run.ref());
            return dashboard.replay().saveRunsAsLog(saved, false);
        }).get().get(10, TimeUnit.SECONDS);
        SummaryBuilder reread = new SummaryBuilder();
        reread.add(saved);
        assertEquals(1, reread.model().runs().size());
        assertEquals(shown, runJson(reread.model().runs().get(0)));
        assertEquals(0, reread.stats().malformed() + reread.stats().invalid());
        assertFalse(Files.readString(saved).contains(simulator.demoToken()), "no token in a saved log");
        JsonNode header = Json.parse(Files.readAllLines(saved).get(0));
        assertEquals("space-operator", header.get("protocol").asText());
    }
}
