package dev.runlens.ui.act;

import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The runs list's context menu: stop the run, run it again, answer its input, start a flow. Each
 * item's text and state are worked out when the menu opens, from the run it was opened on.
 */
public final class RunContextMenu extends ContextMenu {
    private final MenuItem stop = new MenuItem("Stop run…");
    private final MenuItem again = new MenuItem("Run again…");
    private final MenuItem answer = new MenuItem("Answer input…");
    private final MenuItem start = new MenuItem("Start a flow…");

    public RunContextMenu(RunActions actions, DashboardModel model, Selection selection) {
        setId("run-context-menu");
        stop.setId("run-menu-stop");
        again.setId("run-menu-again");
        answer.setId("run-menu-answer");
        start.setId("run-menu-start");
        getItems().setAll(stop, again, answer, new SeparatorMenuItem(), start);
        stop.setOnAction(e -> actions.stopSelected());
        again.setOnAction(e -> actions.runAgain());
        answer.setOnAction(e -> actions.answerInput());
        start.setOnAction(e -> actions.startFlow());
        setOnShowing(e -> refresh(actions, model, selection.run()));
    }

    /** Adds "Compare with baseline…" after the run's actions; {@code compare} opens it for the selected run. */
    public RunContextMenu withCompare(Runnable compare) {
        MenuItem item = new MenuItem("Compare with baseline…\tCtrl+Shift+B");
        item.setId("run-menu-compare");
        item.setOnAction(e -> compare.run());
        getItems().add(3, item);
        return this;
    }

    private void refresh(RunActions actions, DashboardModel model, RunRef ref) {
        Run run = ref == null ? null : model.runModel().run(ref);
        boolean so = ref != null && ref.source() != Source.LYZR;
        boolean ended = run != null && run.terminal();
        boolean requested = ref != null && actions.stopRequested().contains(ref);
        stop.setText(requested ? "Stop requested (waiting for the run to end)" : ended ? "Stop run (it has ended)" : "Stop run…\tCtrl+.");
        stop.setDisable(!so || ended || requested);
        again.setText(ended || run == null ? "Run again…" : "Run again (when it has ended)");
        again.setDisable(!so || !ended);
        dev.runlens.act.InputWait url = ref == null ? null : actions.waiting().get(ref);
        answer.setText(url == null ? "Answer input (not waiting)" : "Answer input… (waiting for input)");
        answer.setDisable(url == null);
    }
}
