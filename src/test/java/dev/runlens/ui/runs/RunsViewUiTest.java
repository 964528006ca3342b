package dev.runlens.ui.runs;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs list redraws changed runs in place: counts move, the selection stays where the user put it. */
@ExtendWith(ApplicationExtension.class)
class RunsViewUiTest {
    @TempDir
    Path dir;
    private final FrameBridge bridge = new FrameBridge(new SpillFile());
    private final DashboardModel model = new DashboardModel();
    private final Selection selection = new Selection();
    private RunsView view;

    @Start
    void start(Stage stage) {
        view = new RunsView(new RunsViewModel(model, selection));
        stage.setScene(new Scene(view, 360, 400));
        stage.show();
    }

    @Test
    void batchesUpdateTheCellsOfTheirRunsWithoutMovingTheSelection(FxRobot robot) throws Exception {
        feed("a.jsonl", TestData.v2Run("run-aaaaaaaaaaaaaaaa", 2, false));
        feed("b.jsonl", TestData.v2Run("run-bbbbbbbbbbbbbbbb", 1, false));
        RunRef b = new RunRef(Source.SPACE_OPERATOR, "run-bbbbbbbbbbbbbbbb");
        RunRef a = new RunRef(Source.SPACE_OPERATOR, "run-aaaaaaaaaaaaaaaa");
        assertEquals(List.of(a, b), WaitForAsyncUtils.asyncFx(() -> List.copyOf(view.list().getItems())).get());
        assertTrue(cellTexts(robot).stream().anyMatch(t -> t.contains("3/3 done")), cellTexts(robot).toString());
        WaitForAsyncUtils.asyncFx(() -> selection.runProperty().set(b)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(b, WaitForAsyncUtils.asyncFx(() -> view.list().getSelectionModel().getSelectedItem()).get());
        AtomicInteger selectionChanges = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> view.list().getSelectionModel().selectedItemProperty()
                .addListener((o, x, y) -> selectionChanges.incrementAndGet())).get();

        // Run a goes on in five more batches: its cell follows, run b stays selected throughout.
        for (int k = 0; k < 5; k++) {
            List<String> more = new ArrayList<>();
            String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":" + k;
            String time = "2025-11-22T08:30:5" + k + ".000Z";
            more.add(TestData.v2("run-aaaaaaaaaaaaaaaa", "NodeStart", "\"time\":\"" + time + "\"," + node + ",\"input\":{\"M\":{}}"));
            more.add(TestData.v2("run-aaaaaaaaaaaaaaaa", "NodeFinish", "\"time\":\"" + time + "\"," + node));
            feed("a" + k + ".jsonl", more);
        }
        // Counts are redrawn a few times a second, not on every batch.
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> cellTexts(robot).stream().anyMatch(t -> t.contains("8/8 done"))).get());
        assertEquals(b, selection.run());
        assertEquals(b, WaitForAsyncUtils.asyncFx(() -> view.list().getSelectionModel().getSelectedItem()).get());
        assertEquals(0, selectionChanges.get(), "no batch cleared and restored the list's selection");
        assertEquals(2, WaitForAsyncUtils.asyncFx(() -> view.list().getItems().size()).get());
    }

    @Test
    void aRunsNewStatusIsDrawnAtOnceWhileItsCountsWaitForTheNextRedraw(FxRobot robot) throws Exception {
        feed("c.jsonl", TestData.v2Run("run-cccccccccccccccc", 1, false));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> cellTexts(robot).stream().anyMatch(t -> t.contains("run-cccc") && t.contains("running"))).get());
        feed("c-end.jsonl", List.of(TestData.v2("run-cccccccccccccccc", "FlowFinish", "\"time\":\"2025-11-22T08:31:00.000Z\"")));
        // No wait beyond the batch itself: a status change does not wait for the counters' redraw.
        assertTrue(WaitForAsyncUtils.asyncFx(() -> cellTexts(robot).stream().anyMatch(t -> t.contains("run-cccc") && !t.contains("running"))).get(),
                cellTexts(robot).toString());
    }

    private void feed(String name, List<String> lines) throws Exception {
        Path file = TestData.write(dir, name, lines);
        WaitForAsyncUtils.asyncFx(() -> TestData.feed(bridge, model, file)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> cellTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.lookup("#runs-list .label").queryAllAs(Label.class).forEach(l -> texts.add(l.getText()));
        return texts;
    }
}
