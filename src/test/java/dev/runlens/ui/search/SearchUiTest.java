package dev.runlens.ui.search;

import dev.runlens.Fixtures;
import dev.runlens.history.HistoryService;
import dev.runlens.history.SearchHit;
import dev.runlens.model.Execution;
import dev.runlens.ui.app.Dashboard;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+Shift+F in the real window: a query, its highlighted hit, Enter opens the replay with the execution selected. */
@ExtendWith(ApplicationExtension.class)
class SearchUiTest {
    private static final String FAILING_NODE = "9531985d-5d9d-49f8-9818-e811892f902b";

    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private HistoryService history;

    @Start
    void start(Stage stage) throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Files.copy(Fixtures.log("space-operator-v2-failed-run"), sessions.resolve("failed.jsonl"));
        Files.copy(Fixtures.log("lyzr-docs-sample"), sessions.resolve("lyzr.jsonl"));
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        history = new HistoryService(dir.resolve("index"), sessions, () -> false).start();
        dashboard.useHistory(history);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T extends Node> T find(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ctrlShiftFFindsTheErrorAndEnterOpensTheReplayWithTheExecutionSelected(FxRobot robot) throws Exception {
        waitFor(() -> history.passes() >= 1);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#search-query").tryQuery().isPresent());
        TextField query = find(robot, "#search-query");
        assertTrue(query.isFocused() || query.getScene().getWindow().isShowing());

        WaitForAsyncUtils.asyncFx(() -> query.setText("status:sometimes")).get();
        Label problem = find(robot, "#search-problem");
        waitFor(() -> problem.getText().contains("column 8"));
        assertTrue(problem.getText().startsWith("status must be"), problem.getText());

        WaitForAsyncUtils.asyncFx(() -> query.setText("insufficient funds")).get();
        ListView<SearchHit> results = find(robot, "#search-results");
        waitFor(() -> results.getItems().size() == 1 && problem.getText().isEmpty());
        assertEquals(FAILING_NODE, results.getItems().get(0).node());
        waitFor(() -> robot.lookup(".search-match").queryAll().stream()
                .anyMatch(n -> n instanceof Text t && t.getText().equals("insufficient")));

        robot.clickOn(query).type(KeyCode.ENTER);
        waitFor(() -> {
            Execution e = dashboard.selection().execution();
            return e != null && FAILING_NODE.equals(e.node());
        });
        assertTrue(dashboard.replay().controller().active() != null, "the recording is open in the replay view");
        assertEquals("6513270e-269e-4d37-b2a7-4de452e6b438", dashboard.selection().run().runId());
        assertTrue(Window.getWindows().stream().anyMatch(w -> w.isShowing() && w != query.getScene().getWindow()));
    }
}
