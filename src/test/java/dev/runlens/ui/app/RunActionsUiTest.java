package dev.runlens.ui.app;

import dev.runlens.act.ApiTarget;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.connect.Secret;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static dev.runlens.ui.app.DashboardFixture.bannerTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acting on runs from the window, against the simulator over real HTTP and WebSocket. */
@ExtendWith(ApplicationExtension.class)
class RunActionsUiTest {
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

    private void connect(String runId) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        waitFor(() -> dashboard.model().runModel().run(new RunRef(Source.SPACE_OPERATOR, runId)) != null);
    }

    private Run run(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> dashboard.model().runModel().run(new RunRef(Source.SPACE_OPERATOR, id))).get();
    }

    private void select(String runId) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().select(new RunRef(Source.SPACE_OPERATOR, runId), null)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void startedFlowAppearsOnTheOpenConnectionAndRunsAgainWithItsInputs(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        String watched = waitingRun(); // waits on its input: the connection stays open
        connect(watched);
        later(() -> dashboard.actions().stream().filter(a -> a.id().equals("start-flow")).findFirst().orElseThrow().run());
        robot.clickOn("#start-flow-id").write(Simulator.flowId(SoScenario.BALANCE));
        robot.clickOn("#start-inputs").write("{\"amount\": 2.5}");
        robot.clickOn(robot.lookup("#start-button").queryAs(Node.class));
        waitFor(() -> dashboard.model().runs().size() == 2);
        assertEquals(1, dashboard.connections().size(), "subscribed on the open connection");
        String started = WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().stream().map(r -> r.ref().runId())
                .filter(id -> !id.equals(watched)).findFirst().orElseThrow()).get();
        waitFor(() -> run(started).terminal());
        assertTrue(bannerTexts(robot).stream().anyMatch(t -> t.contains("Run " + started + " of flow")), bannerTexts(robot)::toString);
        Path recording = dashboard.connections().get(0).recording();

        select(started);
        later(() -> dashboard.runActions().runAgain());
        assertTrue(robot.lookup("#start-note").queryLabeled().getText().contains("from its recording"));
        assertEquals(Simulator.flowId(SoScenario.BALANCE), robot.lookup("#start-flow-id").queryTextInputControl().getText());
        assertTrue(robot.lookup("#start-inputs").queryAs(TextArea.class).getText().contains("\"D\": \"2.5\""));
        robot.clickOn(robot.lookup("#start-button").queryAs(Node.class));
        waitFor(() -> dashboard.model().runs().size() == 3);

        select(watched);
        later(() -> dashboard.runActions().runAgain());
        assertTrue(robot.lookup("#start-note").queryLabeled().getText().startsWith("The inputs of run " + watched + " are not known"));
        assertEquals("", robot.lookup("#start-inputs").queryAs(TextArea.class).getText());
        closeDialogs();
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get(); // the recorder writes what it holds
        String recorded = Files.readString(recording);
        assertTrue(recorded.contains("\"meta\":\"run_started\"") && recorded.contains(started), recorded);
        assertTrue(recorded.contains("{\\\"amount\\\":{\\\"D\\\":\\\"2.5\\\"}}"), recorded);
    }

    /** A run started over HTTP that waits on its ApiInput until answered: live as long as a test needs. */
    private String waitingRun() throws Exception {
        SpaceOperatorApi api = new SpaceOperatorApi(ApiTarget.spaceOperator(simulator.spaceOperatorUrl(),
                Secret.of(simulator.demoToken()), null, false));
        return api.start(Simulator.flowId(SoScenario.SIGNATURE_AND_API_INPUT), Map.of());
    }

    /** Runs {@code r} on the FX thread without waiting: it opens a dialog that waits for the operator. */
    private static void later(Runnable r) {
        javafx.application.Platform.runLater(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void closeDialogs() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof Stage s && s.getScene() != null && s.getScene().getRoot() instanceof javafx.scene.control.DialogPane) {
                    s.close();
                }
            }
        }).get();
    }

    @Test
    void ctrlPeriodAsksThenStopsTheRunWhichShowsStopRequestedUntilItEnds(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        String runId = waitingRun();
        connect(runId);
        robot.clickOn("#runs-list");
        select(runId);
        robot.press(KeyCode.CONTROL).type(KeyCode.PERIOD).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#stop-run-dialog").tryQuery().isPresent(), () -> "asked first; banner " + bannerTexts(robot)
                + ", selected " + dashboard.selection().run());
        assertTrue(robot.lookup("#stop-run-text").queryLabeled().getText().contains(runId));
        robot.clickOn("#stop-reason").write("from the test");
        robot.clickOn(robot.lookup("#stop-confirm").queryAs(Node.class));
        waitFor(() -> run(runId).terminal());
        waitFor(() -> bannerTexts(robot).contains("Stopped"));
        assertFalse(simulator.liveSpaceOperatorRuns().contains(runId));

        // The context menu now says there is nothing to stop.
        ContextMenu menu = openRunMenu(robot);
        MenuItem stop = menu.getItems().stream().filter(i -> "run-menu-stop".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(stop.isDisable());
        assertEquals("Stop run (it has ended)", stop.getText());
        MenuItem again = menu.getItems().stream().filter(i -> "run-menu-again".equals(i.getId())).findFirst().orElseThrow();
        assertFalse(again.isDisable());
        robot.interact(menu::hide);
    }

    @Test
    void theContextMenuAnswersTheInputTheRunWaitsFor(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        SpaceOperatorApi api = new SpaceOperatorApi(ApiTarget.spaceOperator(simulator.spaceOperatorUrl(),
                Secret.of(simulator.demoToken()), null, false));
        String runId = api.start(Simulator.flowId(SoScenario.SIGNATURE_AND_API_INPUT), Map.of());
        connect(runId);
        select(runId);
        waitFor(() -> dashboard.runActions().waiting().containsKey(new RunRef(Source.SPACE_OPERATOR, runId)));
        ContextMenu menu = openRunMenu(robot);
        MenuItem answer = menu.getItems().stream().filter(i -> "run-menu-answer".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Answer input… (waiting for input)", answer.getText());
        assertFalse(answer.isDisable());
        robot.interact(menu::hide);
        later(answer::fire);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#answer-value").write("\"ok by test\"");
        robot.clickOn(robot.lookup("#answer-send").queryAs(Node.class));
        waitFor(() -> run(runId).terminal());
        String recorded = Files.readString(dashboard.connections().get(0).recording());
        assertTrue(recorded.contains("ok by test"), "the answered value is the node's output");
    }

    @Test
    void anInputAnsweredElsewhereTakesTheWaitingBannerAway(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        SpaceOperatorApi api = new SpaceOperatorApi(ApiTarget.spaceOperator(simulator.spaceOperatorUrl(),
                Secret.of(simulator.demoToken()), null, false));
        String runId = api.start(Simulator.flowId(SoScenario.SIGNATURE_AND_API_INPUT), Map.of());
        connect(runId);
        RunRef ref = new RunRef(Source.SPACE_OPERATOR, runId);
        waitFor(() -> dashboard.runActions().waiting().containsKey(ref));
        waitFor(() -> bannerTexts(robot).contains("Waiting for input"));
        // Answered by someone else (another operator, a script): the run's next events say it goes on.
        api.cancel(java.net.URI.create(dashboard.runActions().waiting().get(ref).url()));
        waitFor(() -> run(runId).terminal());
        waitFor(() -> !dashboard.runActions().waiting().containsKey(ref));
        waitFor(() -> !bannerTexts(robot).contains("Waiting for input"));
    }

    @Test
    void anInputAnsweredWithinTheSameBatchLeavesNoBannerBehind(FxRobot robot) throws Exception {
        // The spec's v2 frames of one run whose ApiInput is answered at once: the wait begins and ends
        // in the window's same batch (the demo's simulator answers that fast), and the banner must go too.
        String run = "6a1e1d0e-0000-4000-8000-00000000a11d";
        String node = "6a1e1d0e-0000-4000-8000-0000000000b1";
        String ev = "{\"stream_id\":0,\"event\":\"%s\",\"data\":{%s,\"flow_run_id\":\"" + run + "\"}}";
        Path log = dir.resolve("quick-answer.jsonl");
        Files.write(log, List.of(
                ev.formatted("FlowStart", "\"time\":\"2026-12-06T10:00:00Z\""),
                ev.formatted("NodeStart", "\"time\":\"2026-12-06T10:00:00.1Z\",\"node_id\":\"" + node + "\",\"times\":0,\"input\":{}"),
                ev.formatted("ApiInput", "\"time\":\"2026-12-06T10:00:00.2Z\",\"url\":\"http://127.0.0.1:9/api_input/1\""),
                ev.formatted("NodeOutput", "\"time\":\"2026-12-06T10:00:00.3Z\",\"node_id\":\"" + node + "\",\"times\":0,\"output\":{}"),
                ev.formatted("NodeFinish", "\"time\":\"2026-12-06T10:00:00.3Z\",\"node_id\":\"" + node + "\",\"times\":0"),
                ev.formatted("FlowFinish", "\"time\":\"2026-12-06T10:00:00.4Z\",\"not_run\":[],\"output\":{}")));
        var feed = dashboard.bridge().newFeed("quick", true);
        // Read while the FX thread is held, so every frame lands in the next pulse's one batch.
        WaitForAsyncUtils.asyncFx(() -> dev.runlens.ui.FileFeed.read(log, dashboard.bridge(), feed)).get();
        waitFor(() -> dashboard.model().runs().stream().anyMatch(r -> r.ref().runId().equals(run) && r.terminal()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bannerTexts(robot).contains("Waiting for input"), bannerTexts(robot)::toString);
        assertTrue(dashboard.runActions().waiting().isEmpty());
    }

    @Test
    void aStartTheServerRefusesIsOneSentenceInTheWindow(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        connect(simulator.startRun(SoScenario.BALANCE));
        later(() -> dashboard.runActions().startFlow());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#start-flow-id").write("no-such-flow");
        robot.clickOn(robot.lookup("#start-button").queryAs(Node.class));
        waitFor(() -> bannerTexts(robot).contains("Action failed"));
        assertTrue(bannerTexts(robot).stream().anyMatch(t -> t.equals("Starting flow no-such-flow failed: 127.0.0.1:"
                + simulator.port() + " does not know it (HTTP 404) (\"not found\").")), bannerTexts(robot)::toString);
        assertEquals(1, WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().size()).get());
        for (Window w : new ArrayList<>(Window.getWindows())) {
            assertFalse(w.getScene() != null && w.getScene().getRoot().lookup("#start-flow-dialog") != null && w.isShowing(),
                    "the dialog closed");
        }
    }

    /** The runs list's context menu, asked for as the menu key asks (it is made on that first request). */
    private ContextMenu openRunMenu(FxRobot robot) {
        javafx.scene.control.ListView<?> list = dashboard.runs().list();
        robot.interact(() -> {
            javafx.geometry.Bounds b = list.localToScreen(list.getBoundsInLocal());
            list.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    1, 1, b.getMinX() + 1, b.getMinY() + 1, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = dashboard.runs().list().getContextMenu();
        assertTrue(menu != null && menu.isShowing(), "the request made and showed the runs' context menu");
        return menu;
    }
}
