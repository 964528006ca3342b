package dev.runlens.ui.app;

import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.Source;
import dev.runlens.sim.LyzrWorkflows;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
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
import java.time.Duration;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static dev.runlens.ui.app.DashboardFixture.bannerTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting a Lyzr workflow from the window, against the simulator over real HTTP and WebSocket. */
@ExtendWith(ApplicationExtension.class)
class LyzrStartUiTest {
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
        DashboardFixture.close(dashboard, simulator);
    }

    private void startFromTheDialog(FxRobot robot, String key) throws Exception {
        Path wf = dir.resolve("wf-" + System.nanoTime() + ".json");
        Files.writeString(wf, LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, "Support Flow", "template"));
        javafx.application.Platform.runLater(() -> dashboard.runActions().startFlow());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#start-kind-lyzr");
        robot.interact(() -> {
            robot.lookup("#start-lyzr-api").queryAs(TextInputControl.class).setText(simulator.lyzrApiUrl().toString());
            robot.lookup("#start-lyzr-workflow").queryAs(TextInputControl.class).setText(wf.toString());
            robot.lookup("#start-lyzr-key").queryAs(TextInputControl.class).setText(key);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#start-lyzr-problem").queryLabeled().getText());
        robot.clickOn(robot.lookup("#start-button").queryAs(Node.class));
    }

    @Test
    void aLyzrRunStartedFromTheWindowWhoseSocketDropsIsReconciledFromTaskStatus(FxRobot robot) throws Exception {
        // No holding: events sent while the window reconnects are really lost, its end too.
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(25)).build());
        simulator.faults().dropEveryFrames(2);
        startFromTheDialog(robot, simulator.demoToken());
        waitFor(() -> dashboard.model().runs().stream().anyMatch(r -> r.ref().source() == Source.LYZR && r.terminal()));
        Run run = WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().stream().filter(r -> r.ref().source() == Source.LYZR)
                .findFirst().orElseThrow()).get();
        assertEquals(RunStatus.SUCCEEDED, run.status(), run::toString);
        assertTrue(run.ref().runId().startsWith("Support Flow/run-"), run.ref().runId());
        assertTrue(simulator.connectionsDropped() >= 1, "drops: " + simulator.connectionsDropped());
        assertTrue(bannerTexts(robot).stream().anyMatch(t -> t.startsWith("Lyzr run " + run.ref().runId() + " started (task_id ")),
                bannerTexts(robot)::toString);
        Path recording = dashboard.connections().get(0).recording();
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        String recorded = Files.readString(recording);
        assertTrue(recorded.contains("\"meta\":\"run_started\"") && recorded.contains("\"task_id\":\""), recorded);
        assertTrue(recorded.contains("\"meta\":\"reconciled\""), "reconciled from task-status after the drops");
        assertFalse(recorded.contains(simulator.demoToken()), "the key is never written");
    }

    @Test
    void aRefusedKeyIsOneSentenceAndTheRunsSocketIsClosedAgain(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        startFromTheDialog(robot, "wrong-key");
        waitFor(() -> bannerTexts(robot).contains("Action failed"));
        assertTrue(bannerTexts(robot).stream().anyMatch(t -> t.startsWith("Starting Lyzr run run-") && t.contains("refused the token (HTTP 401")),
                bannerTexts(robot)::toString);
        waitFor(() -> dashboard.connections().get(0).state().terminal());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().isEmpty()).get(), "nothing was started");
    }

    @Test
    void runAgainFindsTheInputsOfARunReplayedFromADroppedFile(FxRobot robot) throws Exception {
        String runId = "6513270e-269e-4d37-b2a7-4de452e6b438";
        Path log = dir.resolve("dropped.jsonl");
        var header = dev.runlens.json.Json.object().put("runlens", "session-log").put("version", 1).put("protocol", "space-operator");
        var subscribed = dev.runlens.json.Json.object().put("at", "2025-11-22T08:30:00Z").put("meta", "subscribed")
                .put("stream_id", 41).put("flow_run_id", runId);
        var started = dev.runlens.json.Json.object().put("at", "2025-11-22T08:30:00Z").put("meta", "run_started")
                .put("source", "space-operator").put("run_id", runId).put("flow_id", "flow-9").put("inputs", "{\"n\":{\"U\":\"5\"}}");
        String first = Files.readAllLines(Path.of("src/test/resources/fixtures/space-operator-v2-failed-run.jsonl")).get(0);
        var frame = dev.runlens.json.Json.object().put("at", "2025-11-22T08:30:01Z").put("frame", first);
        Files.writeString(log, String.join("\n", dev.runlens.json.Json.compact(header), dev.runlens.json.Json.compact(subscribed),
                dev.runlens.json.Json.compact(started), dev.runlens.json.Json.compact(frame)) + "\n");
        // Not File → Open: the path a drop, the recent list and a search result take.
        WaitForAsyncUtils.asyncFx(() -> dashboard.replay().openChosen(log)).get();
        waitFor(() -> !dashboard.model().runs().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().select(dashboard.model().runs().get(0).ref(), null)).get();
        javafx.application.Platform.runLater(() -> dashboard.runActions().runAgain());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#start-note").queryLabeled().getText().contains("from its recording"),
                robot.lookup("#start-note").queryLabeled().getText());
        assertEquals("flow-9", robot.lookup("#start-flow-id").queryTextInputControl().getText());
        robot.interact(() -> robot.lookup("#start-button").queryButton().getScene().getWindow().hide());
    }
}
