package dev.runlens.ui.app;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.value.Masking;
import dev.runlens.ui.inspector.ValueNode;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window with real fixture data, driven and read the way an operator would. */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    @TempDir
    Path dir;
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> cellTexts(FxRobot robot, String parent, String cellClass) {
        List<String> out = new ArrayList<>();
        robot.from(robot.lookup(parent).queryAll()).lookup(cellClass).queryAllAs(Labeled.class).forEach(c -> {
            if (c.getText() != null && c.isVisible()) {
                out.add(c.getText());
            }
        });
        return out;
    }

    @Test
    void aFailedRunSelectsItsFailingNodeAndShowsBothNodeErrors(FxRobot robot) throws Exception {
        dashboard.openFile(TestData.fixture("space-operator-v2-failed-run"));
        waitFor(() -> dashboard.inspectorViewModel().errors().size() == 2);
        Execution selected = dashboard.selection().execution();
        assertEquals(TestData.FAILING_NODE, selected.node());
        assertEquals("9531985d  #0", robot.lookup("#inspector-title").queryAs(Labeled.class).getText());
        assertEquals("Errors (2)", dashboard.inspector().tabs().getSelectionModel().getSelectedItem().getText());
        List<String> shown = cellTexts(robot, "#inspector-errors", ".list-cell");
        assertEquals(2, shown.size(), shown.toString());
        assertTrue(shown.get(0).contains("insufficient funds: need 3.25 SOL"), shown.get(0));
        assertTrue(shown.get(1).contains("did not produce required output signature"), shown.get(1));
        assertEquals("Errors (3)", dashboard.bottomTabs().getTabs().get(0).getText());
        assertTrue(cellTexts(robot, "#runs-list", ".label").stream().anyMatch(t -> t.contains("failed")));
    }

    @Test
    void theInspectorShowsAU128ExactlyInTheTree(FxRobot robot) throws Exception {
        dashboard.openFile(TestData.write(dir, "u1.jsonl", TestData.v2Run("run-u1", 3, true)));
        waitFor(() -> dashboard.model().runs().size() == 1 && dashboard.model().runs().get(0).terminal());
        Run run = dashboard.model().runs().get(0);
        Execution amount = run.execution("11111111-1111-4111-8111-111111111111", 0);
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().select(run.ref(), amount)).get();
        robot.clickOn("Input");
        waitFor(() -> dashboard.inspectorViewModel().inputProperty().get() != null);
        List<String> cells = cellTexts(robot, "#inspector", ".tree-table-cell");
        assertTrue(cells.contains(TestData.U128_MAX), cells.toString());
        assertTrue(cells.contains("u128"), cells.toString());
        assertTrue(cells.contains(Masking.MASK), "private_key is masked: " + cells);
        assertFalse(cells.contains("hunter2-private"));
    }

    @Test
    void lyzrApiKeyIsMaskedOnScreenAndInCopiesUntilRevealed(FxRobot robot) throws Exception {
        dashboard.openFile(TestData.fixture("lyzr-docs-sample"));
        waitFor(() -> !dashboard.model().runs().isEmpty() && dashboard.model().runs().get(0).terminal());
        Run run = dashboard.model().runs().get(0);
        Execution sentiment = run.execution("sentiment_analyzer", 0);
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().select(run.ref(), sentiment)).get();
        waitFor(() -> dashboard.inspectorViewModel().inputProperty().get() != null);
        robot.clickOn("Input");
        TreeTableView<?> tree = dashboard.inspector().inputView().tree();
        WaitForAsyncUtils.asyncFx(() -> tree.getRoot().getChildren().get(0).setExpanded(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cells = cellTexts(robot, "#inspector", ".tree-table-cell");
        assertTrue(cells.contains("api_key"), cells.toString());
        assertTrue(cells.contains(Masking.MASK), cells.toString());
        assertFalse(cells.stream().anyMatch(c -> c.contains("sk-prod-sentiment-key")), cells.toString());

        robot.clickOn(robot.from(dashboard.inspector().inputView()).lookup("Copy all").queryAs(Button.class));
        String copied = dashboard.inspector().inputView().copiedProperty().get();
        assertTrue(copied.contains("customer_message"), copied);
        assertFalse(copied.contains("sk-prod-sentiment-key"), copied);

        robot.clickOn(robot.lookup("#reveal-secrets").queryAs(CheckBox.class));
        WaitForAsyncUtils.asyncFx(() -> dashboard.inspector().inputView().tree().getRoot().getChildren().get(0).setExpanded(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cellTexts(robot, "#inspector", ".tree-table-cell").contains("sk-prod-sentiment-key"));
    }

    @Test
    void eventLogFiltersAndFollowsUntilTheOperatorScrollsUp(FxRobot robot) throws Exception {
        List<String> lines = TestData.v2Run("run-log", 300, false);
        dashboard.openFile(TestData.write(dir, "log.jsonl", lines));
        waitFor(() -> dashboard.model().eventsApplied() == lines.size());
        robot.clickOn("Event log");
        // The log takes rows while it is in view.
        waitFor(() -> dashboard.eventLogViewModel().allRows().size() == lines.size());
        TableView<?> table = robot.lookup("#event-log").queryAs(TableView.class);
        robot.clickOn(robot.lookup("#event-text-filter").queryAs(TextField.class)).write("iteration 29");
        // "iteration 29" and "iteration 290".."iteration 299": only NodeLog summaries carry that text.
        try {
            waitFor(() -> table.getItems().size() == 11);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows " + table.getItems().size() + " text '" + dashboard.eventLogViewModel().textProperty().get() + "'");
        }
        robot.clickOn(robot.lookup("#event-text-filter").queryAs(TextField.class));
        WaitForAsyncUtils.asyncFx(() -> dashboard.eventLogViewModel().textProperty().set("")).get();
        WaitForAsyncUtils.asyncFx(() -> dashboard.eventLogViewModel().kindProperty().set("NodeLog")).get();
        waitFor(() -> table.getItems().size() == 300);

        ToggleButton follow = robot.lookup("#event-follow").queryAs(ToggleButton.class);
        assertTrue(follow.isSelected());
        // The operator goes back up the log with the keyboard (Monocle's robot wheel moves by one pixel).
        robot.clickOn(robot.lookup("#event-log").lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null).findFirst().orElseThrow());
        robot.type(javafx.scene.input.KeyCode.PAGE_UP);
        waitFor(() -> !follow.isSelected());

        Feed feed = dashboard.bridge().newFeed("more", false);
        FrameDecoder decoder = new FrameDecoder();
        for (int i = 0; i < 7; i++) {
            String node = "\"node_id\":\"22222222-2222-4222-8222-222222222222\",\"times\":" + i;
            String text = TestData.v2("run-log", "NodeLog", "\"time\":\"2025-11-22T08:30:59.000Z\"," + node
                    + ",\"level\":\"Info\",\"module\":null,\"content\":\"late line " + i + "\"");
            dashboard.bridge().frame(feed, new ReceivedFrame(i, Instant.now(), text, decoder.decode(text), -1));
        }
        Button newEvents = robot.lookup("#event-new").queryAs(Button.class);
        waitFor(newEvents::isVisible);
        assertEquals("7 new events", newEvents.getText());
        robot.clickOn(newEvents);
        waitFor(follow::isSelected);
        assertFalse(newEvents.isVisible());
        try {
            waitFor(() -> robot.lookup("#event-log").lookup(".table-row-cell").queryAll().stream()
                    .anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null
                            && r.getIndex() == table.getItems().size() - 1 && r.isVisible()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("newest row not in view: items " + table.getItems().size() + ", rows shown "
                    + robot.lookup("#event-log").lookup(".table-row-cell").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null)
                    .map(n -> ((javafx.scene.control.TableRow<?>) n).getIndex()).sorted().toList()
                    + ", table height " + table.getHeight() + ", follow " + follow.isSelected());
        }
    }

    @Test
    void clickingATimelineBarSelectsThatExecution(FxRobot robot) throws Exception {
        List<String> lines = new ArrayList<>();
        String run = "run-timeline";
        lines.add(TestData.v2(run, "FlowStart", "\"time\":\"2025-11-22T08:30:00.000Z\""));
        for (int i = 0; i < 12; i++) {
            String node = "\"node_id\":\"22222222-2222-4222-8222-222222222222\",\"times\":" + i;
            lines.add(TestData.v2(run, "NodeStart", String.format("\"time\":\"2025-11-22T08:30:%02d.000Z\",%s,\"input\":{\"M\":{}}", i * 2, node)));
            lines.add(TestData.v2(run, "NodeFinish", String.format("\"time\":\"2025-11-22T08:30:%02d.500Z\",%s", i * 2 + 1, node)));
        }
        lines.add(TestData.v2(run, "FlowFinish", "\"time\":\"2025-11-22T08:30:24.000Z\",\"not_run\":[],\"output\":{\"M\":{}}"));
        dashboard.openFile(TestData.write(dir, "t.jsonl", lines));
        waitFor(() -> !dashboard.model().runs().isEmpty() && dashboard.model().runs().get(0).terminal()
                && dashboard.timeline().data() != null && dashboard.timeline().hitIndex().bars() == 12);
        Execution target = dashboard.model().runs().get(0).execution("22222222-2222-4222-8222-222222222222", 7);
        double[] p = WaitForAsyncUtils.asyncFx(() -> dashboard.timeline().pointOf(target)).get();
        // The structure answers directly...
        assertSame(target, dashboard.timeline().hitIndex().hit(p[0], p[1]));
        // ...and a real click on the canvas selects it.
        Point2D screen = WaitForAsyncUtils.asyncFx(() -> dashboard.timeline().canvas().localToScreen(p[0], p[1])).get();
        robot.clickOn(screen, MouseButton.PRIMARY);
        waitFor(() -> dashboard.selection().execution() == target);
        assertEquals("22222222  #7", robot.lookup("#inspector-title").queryAs(Labeled.class).getText());
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        waitFor(() -> dashboard.selection().execution().times() == 8);
        assertTrue(dashboard.timeline().describe(target).contains("duration 1.500 s"));
    }

    static String valueText(ValueNode n) {
        return n.text();
    }
}
