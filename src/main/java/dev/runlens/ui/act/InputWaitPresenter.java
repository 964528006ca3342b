package dev.runlens.ui.act;

import dev.runlens.act.InputWait;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.inspector.InputWaitPane;
import dev.runlens.ui.timeline.NodeNames;
import javafx.collections.MapChangeListener;

/**
 * Shows the runs' input waits where the operator looks: the inspector's form when the waiting
 * execution or its run is selected, and the answer of the timeline's
 * hover question "does this execution wait for input?".
 */
public final class InputWaitPresenter {
    private final RunActions actions;
    private final Selection selection;
    private final NodeNames names;
    private final InputWaitPane pane;

    public InputWaitPresenter(RunActions actions, Selection selection, NodeNames names, InputWaitPane pane) {
        this.actions = actions;
        this.selection = selection;
        this.names = names;
        this.pane = pane;
        selection.runProperty().subscribe(r -> refresh());
        selection.executionProperty().subscribe(e -> refresh());
        actions.waiting().addListener((MapChangeListener<RunRef, InputWait>) c -> refresh());
    }

    /** Whether {@code e} of {@code run} is the execution (or one of those) waiting for input. */
    public boolean waits(Run run, Execution e) {
        InputWait w = run == null ? null : actions.waiting().get(run.ref());
        return w != null && w.concerns(e);
    }

    private void refresh() {
        RunRef run = selection.run();
        InputWait w = run == null ? null : actions.waiting().get(run);
        if (w == null) {
            pane.hide();
            return;
        }
        String who = switch (w.candidates().size()) {
            case 0 -> "Run " + run.runId() + " waits for a value (no execution was running when it asked).";
            case 1 -> "Run " + run.runId() + ": " + w.who(names::name) + " waits for a value.";
            default -> "Run " + run.runId() + " waits for a value at " + w.who(names::name) + ".";
        };
        pane.show(who, w.url(), choice -> actions.answer(run, choice, pane::result));
    }
}
