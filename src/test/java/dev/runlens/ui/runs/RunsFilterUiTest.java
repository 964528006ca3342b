package dev.runlens.ui.runs;

import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The runs list's filter and sort: what the list shows, in which order, and a selection that stays put. */
@ExtendWith(ApplicationExtension.class)
class RunsFilterUiTest {
    @TempDir
    Path dir;
    private final FrameBridge bridge = new FrameBridge(new SpillFile());
    private final DashboardModel model = new DashboardModel();
    private final Selection selection = new Selection();
    private RunsView view;
    private final RunRef a = new RunRef(Source.SPACE_OPERATOR, "run-aaaaaaaaaaaaaaaa");
    private final RunRef b = new RunRef(Source.SPACE_OPERATOR, "run-bbbbbbbbbbbbbbbb");
    private final RunRef c = new RunRef(Source.SPACE_OPERATOR, "run-cccccccccccccccc");
    private final RunRef lyzrFailed = RunRef.lyzr("Financial_Data_Pipeline", "daily_batch_20240215");
    private final RunRef lyzrDone = RunRef.lyzr("Customer_Support_Pipeline", "ticket_78453");

    @Start
    void start(Stage stage) {
        view = new RunsView(new RunsViewModel(model, selection));
        stage.setScene(new Scene(view, 420, 600));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private List<RunRef> shown() throws Exception {
        return fx(() -> List.copyOf(view.list().getItems()));
    }

    private void feed(String name, List<String> lines) throws Exception {
        Path file = TestData.write(dir, name, lines);
        fx(() -> {
            TestData.feed(bridge, model, file);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fiveRuns() throws Exception {
        feed("a.jsonl", TestData.v2Run(a.runId(), 1, false));
        feed("b.jsonl", TestData.v2Run(b.runId(), 1, false));
        feed("c.jsonl", TestData.v2Run(c.runId(), 1, false));
        fx(() -> {
            TestData.feed(bridge, model, TestData.fixture("lyzr-docs-sample"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(FxRobot robot, String id, T value) throws Exception {
        fx(() -> {
            robot.lookup(id).queryAs(ComboBox.class).setValue(value);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void textStatusAndProtocolFilterTheList(FxRobot robot) throws Exception {
        fiveRuns();
        assertEquals(List.of(a, b, c, lyzrDone, lyzrFailed), shown());
        robot.clickOn("#runs-filter").write("bbbb");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(b), shown());
        // Node ids count as text: 22222222 is a node of the three Space Operator runs.
        fx(() -> {
            robot.lookup("#runs-filter").queryTextInputControl().setText("22222222");
            return null;
        });
        assertEquals(List.of(a, b, c), shown());
        fx(() -> {
            robot.lookup("#runs-filter").queryTextInputControl().setText("");
            return null;
        });
        choose(robot, "#runs-status", RunStatus.FAILED);
        assertEquals(List.of(lyzrFailed), shown());
        choose(robot, "#runs-status", null);
        choose(robot, "#runs-protocol", Source.LYZR);
        assertEquals(List.of(lyzrDone, lyzrFailed), shown());
        choose(robot, "#runs-protocol", Source.SPACE_OPERATOR);
        assertEquals(List.of(a, b, c), shown());
        choose(robot, "#runs-protocol", null);
        choose(robot, "#runs-connection", fx(() -> model.track(b).feed()));
        assertEquals(List.of(b), shown());
    }

    @Test
    void sortByNewestStatusAndName(FxRobot robot) throws Exception {
        fiveRuns();
        choose(robot, "#runs-sort", RunSort.NEWEST);
        assertEquals(List.of(lyzrFailed, lyzrDone, c, b, a), shown());
        choose(robot, "#runs-sort", RunSort.STATUS);
        assertEquals(List.of(lyzrFailed, c, b, a, lyzrDone), shown());
        choose(robot, "#runs-sort", RunSort.NAME);
        assertEquals(List.of(lyzrDone, lyzrFailed, a, b, c), shown());
    }

    @Test
    void theSelectionStaysWhileEventsArriveRunsMoveAndTheFilterHidesIt(FxRobot robot) throws Exception {
        fiveRuns();
        choose(robot, "#runs-sort", RunSort.STATUS);
        fx(() -> {
            selection.runProperty().set(b);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        AtomicInteger changes = new AtomicInteger();
        fx(() -> {
            view.list().getSelectionModel().selectedItemProperty().addListener((o, x, y) -> changes.incrementAndGet());
            return null;
        });
        // Runs a and c go on and a ends: a moves below the running runs, b stays selected.
        for (int k = 0; k < 3; k++) {
            List<String> more = new ArrayList<>();
            for (RunRef r : List.of(a, c)) {
                String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":" + k;
                more.add(TestData.v2(r.runId(), "NodeStart", "\"time\":\"2025-11-22T08:30:5" + k + ".000Z\"," + node + ",\"input\":{\"M\":{}}"));
                more.add(TestData.v2(r.runId(), "NodeFinish", "\"time\":\"2025-11-22T08:30:5" + k + ".000Z\"," + node));
            }
            feed("more" + k + ".jsonl", more);
        }
        feed("a-end.jsonl", List.of(TestData.v2(a.runId(), "FlowFinish", "\"time\":\"2025-11-22T08:31:00.000Z\"")));
        // Among the runs that succeeded, the newest first.
        assertEquals(List.of(lyzrFailed, c, b, lyzrDone, a), shown());
        assertEquals(b, fx(() -> view.list().getSelectionModel().getSelectedItem()));
        assertEquals(b, selection.run());
        assertEquals(0, changes.get(), "the list's selection never left b");

        // Hidden by the filter, b is still the selected run; shown again, it is selected in the list.
        fx(() -> {
            robot.lookup("#runs-filter").queryTextInputControl().setText("cccc");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(c), shown());
        assertEquals(b, selection.run());
        assertNull(fx(() -> view.list().getSelectionModel().getSelectedItem()));
        fx(() -> {
            robot.lookup("#runs-filter").queryTextInputControl().setText("");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(b, fx(() -> view.list().getSelectionModel().getSelectedItem()));
        assertEquals(b, selection.run());
    }
}
