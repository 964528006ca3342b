package dev.runlens.ui.replay;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Selection;

/**
 * Keeps the operator's chosen execution by key (run, node, times), since a seek replaces the
 * model's objects: after a restore the same execution is selected in the new model, or nothing
 * when it had not started yet; once playing brings it back, it is selected again.
 */
final class KeptSelection {
    private final Selection selection;
    private RunRef run;
    private String node;
    private int times = -1;
    private boolean applying;

    KeptSelection(Selection selection) {
        this.selection = selection;
        selection.executionProperty().subscribe(this::remember);
    }

    private void remember(Execution e) {
        if (applying) {
            return;
        }
        if (e != null) {
            run = selection.run();
            node = e.node();
            times = e.times();
        } else if (selection.run() == null || !selection.run().equals(run)) {
            run = null;
        }
    }

    /** After a batch: the kept execution is selected again once it exists. */
    void reselect(RunModel model) {
        Execution e = find(model);
        if (e != null && e != selection.execution()) {
            set(e);
        }
    }

    /** After a restore: the kept execution in the new model, or nothing if it does not exist there. */
    void restored(RunModel model) {
        if (selection.execution() != null && find(model) == null && run != null && run.equals(selection.run())) {
            set(null);
        } else {
            reselect(model);
        }
    }

    private Execution find(RunModel model) {
        if (run == null || !run.equals(selection.run())) {
            return null;
        }
        Run r = model.run(run);
        return r == null ? null : r.execution(node, times);
    }

    private void set(Execution e) {
        applying = true;
        try {
            selection.executionProperty().set(e);
        } finally {
            applying = false;
        }
    }
}
