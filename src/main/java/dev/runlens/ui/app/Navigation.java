package dev.runlens.ui.app;

import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.errors.ErrorsViewModel;
import dev.runlens.ui.runs.RunRow;
import dev.runlens.ui.runs.RunsViewModel;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.List;

/** Moving around the window from the keyboard: the next error, the next run, a panel's focus. */
final class Navigation {
    private final Selection selection;
    private final RunsViewModel runs;
    private final ErrorsViewModel errors;
    private final TabPane bottomTabs;
    private final Tab errorsTab;

    Navigation(Selection selection, RunsViewModel runs, ErrorsViewModel errors, TabPane bottomTabs, Tab errorsTab) {
        this.selection = selection;
        this.runs = runs;
        this.errors = errors;
        this.bottomTabs = bottomTabs;
        this.errorsTab = errorsTab;
    }

    /** Selects the next (1) or previous (-1) error, and shows the errors tab. */
    void stepError(int direction) {
        if (errors.step(direction) != null) {
            bottomTabs.getSelectionModel().select(errorsTab);
        }
    }

    /** Selects the next (1) or previous (-1) run of the list, around the ends. */
    void stepRun(int direction) {
        List<RunRow> rows = runs.rows();
        if (rows.isEmpty()) {
            return;
        }
        int i = -1;
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k).ref().equals(selection.run())) {
                i = k;
            }
        }
        selection.runProperty().set(rows.get(Math.floorMod(i + direction, rows.size())).ref());
    }

    /** Shows a bottom tab and focuses its table. */
    void focusBottom(Tab tab, Node focus) {
        bottomTabs.getSelectionModel().select(tab);
        focus.requestFocus();
    }
}
