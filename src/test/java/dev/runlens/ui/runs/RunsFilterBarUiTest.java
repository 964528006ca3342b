package dev.runlens.ui.runs;

import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.theme.Themes;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runs pane narrowed to its minimum width (its divider dragged to the edge), in the window's
 * theme, at the default text size and zoomed: every filter control stays whole inside the pane,
 * none is squeezed below its own minimum, and the list starts below the last of them.
 */
@ExtendWith(ApplicationExtension.class)
class RunsFilterBarUiTest {
    private static final List<String> CONTROLS = List.of("#runs-filter", "#runs-status", "#runs-protocol", "#runs-connection",
            "#runs-sort");
    private RunsView view;
    private SplitPane split;

    @Start
    void start(Stage stage) {
        view = new RunsView(new RunsViewModel(new DashboardModel(), new Selection()));
        split = new SplitPane(view, new Pane());
        Scene scene = new Scene(split, 900, 600);
        new Themes().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void narrowest(String fontSize) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            split.setStyle(fontSize == null ? "" : "-fx-font-size: " + fontSize + ";");
            split.setDividerPositions(0.0);
            split.applyCss();
            split.layout();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertEveryControlInside(FxRobot robot, String when) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            assertEquals(view.getMinWidth(), view.getWidth(), 1.0, when + ": the pane is at its minimum width");
            Bounds pane = view.localToScene(view.getLayoutBounds());
            double lowest = 0;
            for (String id : CONTROLS) {
                Node control = robot.lookup(id).query();
                Bounds b = control.localToScene(control.getLayoutBounds());
                assertTrue(control.isVisible() && b.getWidth() > 0 && b.getHeight() > 0, when + ": " + id + " is shown");
                assertTrue(b.getMinX() >= pane.getMinX() - 0.5 && b.getMaxX() <= pane.getMaxX() + 0.5,
                        when + ": " + id + " " + b + " lies within the pane " + pane);
                assertTrue(b.getWidth() + 0.5 >= control.minWidth(-1), when + ": " + id + " is not squeezed below its minimum");
                lowest = Math.max(lowest, b.getMaxY());
            }
            Bounds list = view.list().localToScene(view.list().getLayoutBounds());
            assertTrue(list.getMinY() >= lowest - 0.5, when + ": the list starts below the filter row (" + list.getMinY() + " < " + lowest + ")");
            return null;
        }).get();
    }

    @Test
    void everyFilterControlStaysInsideTheNarrowestPane(FxRobot robot) throws Exception {
        narrowest(null);
        assertEveryControlInside(robot, "default text size");
    }

    @Test
    void everyFilterControlStaysInsideTheNarrowestPaneWhenZoomed(FxRobot robot) throws Exception {
        narrowest("20px");
        assertEveryControlInside(robot, "text zoomed to 20px");
    }
}
