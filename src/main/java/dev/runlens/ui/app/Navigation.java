package dev.runlens.ui.app;

import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.errors.ErrorsViewModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.runs.RunsViewModel;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.List;

/** Moving around the window from the keyboard: the next error, the next run, a panel's focus. */
record Navigation(Selection selection, RunsViewModel runs, ErrorsViewModel errors, TabPane bottomTabs, Tab errorsTab) {
    /** Selects the next (1) or previous (-1) error, and shows the errors tab. */
    void stepError(int direction) {
        if (errors.step(direction) != null) {
            bottomTabs.getSelectionModel().select(errorsTab);
        }
    }

    /** Selects the next (1) or previous (-1) run the list shows (filtered, sorted), around the ends. */
    void stepRun(int direction) {
        List<RunRef> shown = runs.shown();
        if (shown.isEmpty()) {
            return;
        }
        int i = shown.indexOf(selection.run());
        if (i < 0 && direction < 0) {
            i = 0;
        }
        selection.runProperty().set(shown.get(Math.floorMod(i + direction, shown.size())));
    }

    /** Shows a bottom tab and focuses its table. */
    void focusBottom(Tab tab, Node focus) {
        bottomTabs.getSelectionModel().select(tab);
        focus.requestFocus();
    }
}
