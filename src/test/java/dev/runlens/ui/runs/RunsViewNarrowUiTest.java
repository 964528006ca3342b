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
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.geometry.Orientation;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runs list narrower than its runs' texts: redrawing a run's counters changes its text, not its
 * cell. A cell wider than the list was sized to the list, then to its text, on every redraw, which
 * repainted the whole cell twice for each change of its counters (issue 15).
 */
@ExtendWith(ApplicationExtension.class)
class RunsViewNarrowUiTest {
    private static final String RUN = "run-aaaaaaaaaaaaaaaa";
    @TempDir
    Path dir;
    private final FrameBridge bridge = new FrameBridge(new SpillFile());
    private final DashboardModel model = new DashboardModel();
    private RunsView view;

    @Start
    void start(Stage stage) {
        view = new RunsView(new RunsViewModel(model, new Selection()));
        stage.setScene(new Scene(view, 220, 300));
        stage.show();
    }

    @Test
    void redrawingARunsCountersLeavesItsCellTheWidthOfTheList(FxRobot robot) throws Exception {
        feed("a.jsonl", TestData.v2Run(RUN, 2, false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> detail(robot).contains("3/3 done")).get());
        ListCell<?> cell = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runs-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> new RunRef(Source.SPACE_OPERATOR, RUN).equals(c.getItem())).findFirst().orElseThrow()).get();
        List<Double> widths = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> cell.widthProperty().addListener((o, before, now) -> widths.add(now.doubleValue()))).get();

        for (int k = 0; k < 5; k++) {
            String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":" + k;
            String time = "\"time\":\"2025-11-22T08:30:5" + k + ".000Z\",";
            feed("a" + k + ".jsonl", List.of(TestData.v2(RUN, "NodeStart", time + node + ",\"input\":{\"M\":{}}"),
                    TestData.v2(RUN, "NodeFinish", time + node)));
            String done = (4 + k) + "/" + (4 + k) + " done";
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> detail(robot).contains(done)).get());
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertEquals(List.of(), widths, "the cell kept its width through five redraws of its counters");
        double listWidth = WaitForAsyncUtils.asyncFx(() -> view.list().getWidth()).get();
        assertTrue(cell.getWidth() <= listWidth, cell.getWidth() + " > " + listWidth);
        assertFalse(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#runs-list .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible())).get(), "no horizontal scroll bar");
    }

    @Test
    void theWholeTextOfACutRowIsOneHoverAway(FxRobot robot) throws Exception {
        feed("b.jsonl", TestData.v2Run(RUN, 2, false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> detail(robot).contains("3/3 done")).get());
        robot.moveTo(robot.lookup("#runs-list .run-detail").queryAs(Label.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).anyMatch(t -> t.contains("3/3 done") && t.contains("file"))).get());
    }

    private void feed(String name, List<String> lines) throws Exception {
        Path file = TestData.write(dir, name, lines);
        WaitForAsyncUtils.asyncFx(() -> TestData.feed(bridge, model, file)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The run's second line as the cell holds it (the label may show it cut, with an ellipsis). */
    private static String detail(FxRobot robot) {
        return robot.lookup("#runs-list .run-detail").queryAllAs(Label.class).stream().map(Label::getText).findFirst().orElse("");
    }
}
