package dev.runlens.ui.app;

import dev.runlens.act.ApiTarget;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.connect.Secret;
import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.protocol.Source;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import javafx.scene.Node;
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
import java.util.List;
import java.util.Map;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The input wait shown on its execution: the inspector's form and the timeline's hover, against the simulator. */
@ExtendWith(ApplicationExtension.class)
class InputWaitUiTest {
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

    private Run run(RunRef ref) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> dashboard.model().runModel().run(ref)).get();
    }

    /** Starts the scripted run that waits on an ApiInput, watches it, and selects it once it waits. */
    private RunRef waitingRun() throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        SpaceOperatorApi api = new SpaceOperatorApi(ApiTarget.spaceOperator(simulator.spaceOperatorUrl(),
                Secret.of(simulator.demoToken()), null, false));
        String runId = api.start(Simulator.flowId(SoScenario.SIGNATURE_AND_API_INPUT), Map.of());
        RunRef ref = new RunRef(Source.SPACE_OPERATOR, runId);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        waitFor(() -> dashboard.runActions().waiting().containsKey(ref));
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().select(ref, null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        return ref;
    }

    private static boolean shown(FxRobot robot) {
        return robot.lookup("#input-wait").tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void theRunningExecutionWaitsAndTheInspectorsFormAnswersIt(FxRobot robot) throws Exception {
        RunRef ref = waitingRun();
        Execution running = run(ref).executions().stream().filter(e -> e.status() == ExecutionStatus.RUNNING).findFirst().orElseThrow();
        assertEquals(running.node(), dashboard.runActions().waiting().get(ref).execution().node(), "the approve node, running at the ApiInput");
        String label = dashboard.names().name(running.node());
        assertTrue(shown(robot), "the inspector shows the wait");
        assertEquals("Run " + ref.runId() + ": node " + label + " waits for a value.", robot.lookup("#input-wait-who").queryLabeled().getText());
        String hover = WaitForAsyncUtils.asyncFx(() -> dashboard.timeline().describe(running)).get();
        assertTrue(hover.lines().findFirst().orElseThrow().endsWith(", waiting for input"), hover);
        Execution finished = run(ref).executions().stream().filter(Execution::finished).findFirst().orElseThrow();
        assertFalse(WaitForAsyncUtils.asyncFx(() -> dashboard.timeline().describe(finished)).get().contains("waiting for input"));

        robot.clickOn("#input-wait-value").write("{\"x\": ");
        assertTrue(robot.lookup("#input-wait-answer").queryButton().isDisable(), "a value that is not JSON cannot be sent");
        assertTrue(robot.lookup("#input-wait-result").queryLabeled().getText().startsWith("The value is not JSON"));
        robot.write("\"ok from the inspector\"}");
        assertFalse(robot.lookup("#input-wait-answer").queryButton().isDisable());
        robot.clickOn("#input-wait-answer");
        waitFor(() -> run(ref).terminal());
        waitFor(() -> !shown(robot));
        assertFalse(dashboard.runActions().waiting().containsKey(ref));
        String recorded = Files.readString(dashboard.connections().get(0).recording());
        assertTrue(recorded.contains("ok from the inspector"), "the posted value is the node's output");
    }

    @Test
    void cancellingFromTheInspectorSendsDeleteAndTheRunEnds(FxRobot robot) throws Exception {
        RunRef ref = waitingRun();
        assertTrue(shown(robot));
        robot.clickOn("#input-wait-cancel");
        waitFor(() -> run(ref).terminal());
        waitFor(() -> !shown(robot));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> dashboard.runActions().waiting().isEmpty()).get(), "the run waits no more");
        assertTrue(Files.readString(dashboard.connections().get(0).recording()).contains("api input cancelled"),
                "the simulator fails the waiting node on DELETE");
        assertTrue(run(ref).executions().stream().anyMatch(e -> e.status() == ExecutionStatus.FAILED), "the waiting execution failed");
    }

    @Test
    void anAnswerThatCannotBeSentIsOneSentenceInTheForm(FxRobot robot) throws Exception {
        RunRef ref = waitingRun();
        simulator.close(); // the input's URL no longer answers
        simulator = null;
        robot.clickOn("#input-wait-value").write("true");
        robot.clickOn("#input-wait-answer");
        waitFor(() -> !robot.lookup("#input-wait").query().isDisabled());
        String sentence = robot.lookup("#input-wait-result").queryLabeled().getText();
        assertFalse(sentence.isEmpty() || sentence.startsWith("Sending"), sentence);
        assertTrue(sentence.endsWith("."), "one sentence: " + sentence);
        assertTrue(sentence.contains("unreachable") || sentence.contains("127.0.0.1"), sentence);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> dashboard.runActions().waiting().containsKey(ref)).get(), "the run still waits");
        assertTrue(shown(robot), "the form stays to try again");
    }
}
