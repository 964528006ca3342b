package dev.runlens.ui.errors;

import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.timeline.NodeNames;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The error table shows a repeat's new count in the row already on screen, without rebuilding the rows around it. */
@ExtendWith(ApplicationExtension.class)
class ErrorsViewUiTest {
    private final FrameBridge bridge = new FrameBridge(new SpillFile());
    private final DashboardModel model = new DashboardModel();
    private final ErrorsViewModel vm = new ErrorsViewModel(model, new Selection());
    private final Feed feed = bridge.newFeed("a", true);
    private ErrorsView view;

    @Start
    void start(Stage stage) {
        view = new ErrorsView(vm, new NodeNames());
        stage.setScene(new Scene(view, 900, 300));
        stage.show();
    }

    private void apply(FxRobot robot) {
        robot.interact(() -> model.apply(bridge.drain(100)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private List<TableRow<ErrorGroup>> rows(FxRobot robot) {
        return robot.lookup("#errors-table").lookup(".table-row-cell").queryAll().stream()
                .map(n -> (TableRow<ErrorGroup>) n).filter(r -> r.getItem() != null)
                .sorted(Comparator.comparingInt(TableRow::getIndex)).toList();
    }

    private static String countIn(TableRow<ErrorGroup> row) {
        return row.getChildrenUnmodifiable().stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> "Count".equals(c.getTableColumn().getText())).findFirst().orElseThrow().getText();
    }

    @Test
    void aRepeatCountsInTheRowOnScreenAndLeavesTheOtherRowsAlone(FxRobot robot) {
        for (String problem : List.of("bad frame x", "bad frame y", "bad frame z")) {
            bridge.problem(feed, problem);
        }
        apply(robot);
        List<TableRow<ErrorGroup>> before = rows(robot);
        assertEquals(List.of("1", "1", "1"), before.stream().map(ErrorsViewUiTest::countIn).toList());
        List<String> messages = before.stream().map(r -> r.getItem().message()).toList();
        // A row rebuilt by the table goes through index -1 and back: watch every row's index.
        Set<Integer> indexChanges = new java.util.concurrent.ConcurrentSkipListSet<>();
        robot.interact(() -> before.forEach(r -> r.indexProperty().addListener((o, was, now) -> indexChanges.add(now.intValue()))));

        bridge.problem(feed, "bad frame y");
        bridge.problem(feed, "bad frame y");
        apply(robot);

        List<TableRow<ErrorGroup>> after = rows(robot);
        assertEquals(List.of("1", "3", "1"), after.stream().map(ErrorsViewUiTest::countIn).toList());
        assertEquals(messages, after.stream().map(r -> r.getItem().message()).toList());
        assertEquals(Set.of(), indexChanges, "no row was rebuilt: " + indexChanges.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
