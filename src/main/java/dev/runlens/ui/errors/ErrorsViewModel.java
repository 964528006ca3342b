package dev.runlens.ui.errors;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.Selection;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The error panel: every node error, flow error, failed task and protocol problem, grouped when
 * identical; stepping through them; and the rule that a run which fails shows its first failing
 * execution without a click. Knows no controls.
 */
public final class ErrorsViewModel {
    private final DashboardModel model;
    private final Selection selection;
    private final ObservableList<ErrorGroup> groups = FXCollections.observableArrayList();
    private final Map<ErrorGroup.Key, ErrorGroup> index = new HashMap<>();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final IntegerProperty total = new SimpleIntegerProperty();

    public ErrorsViewModel(DashboardModel model, Selection selection) {
        this.model = model;
        this.selection = selection;
        model.addListener(this::onBatch);
        model.addResetListener(this::rebuild);
    }

    /** After a replay seek: the list is the model's errors again. */
    private void rebuild() {
        groups.clear();
        index.clear();
        current.set(-1);
        addAll(model.errors());
        total.set(model.errors().size());
    }

    void onBatch(Batch batch) {
        addAll(batch.newErrors());
        total.set(total.get() + batch.newErrors().size());
        for (Run run : batch.endedRuns()) {
            if (run.status() == RunStatus.FAILED
                    && (selection.run() == null || selection.run().equals(run.ref()))) {
                showFailure(run);
            }
        }
    }

    /**
     * Adds each error to its group, or as a new group; the list changes once, for all new groups
     * together: a seek in a long log restores thousands of errors and a replay brings hundreds a
     * pulse, most repeating a group already shown, which counts in place ({@link ErrorGroup#add}).
     */
    private void addAll(List<ErrorEntry> entries) {
        List<ErrorGroup> added = new ArrayList<>();
        for (ErrorEntry e : entries) {
            ErrorGroup.Key key = ErrorGroup.key(e);
            ErrorGroup g = index.get(key);
            if (g == null) {
                g = new ErrorGroup(e);
                index.put(key, g);
                added.add(g);
            } else {
                g.add(e);
            }
        }
        if (!added.isEmpty()) {
            groups.addAll(added);
        }
    }

    /** Selects the run's first failing execution (or the run, when only the flow failed). */
    public void showFailure(Run run) {
        Execution first = run.firstFailedExecution();
        selection.select(run.ref(), first);
        for (int i = 0; i < groups.size(); i++) {
            ErrorEntry e = groups.get(i).first();
            if (run.ref().equals(e.run()) && (first == null || e.execution() == first)) {
                current.set(i);
                break;
            }
        }
    }

    /** Steps to the next ({@code +1}) or previous ({@code -1}) error and shows it. */
    public ErrorGroup step(int direction) {
        if (groups.isEmpty()) {
            return null;
        }
        int n = groups.size();
        int i = current.get() < 0 ? (direction > 0 ? 0 : n - 1) : Math.floorMod(current.get() + direction, n);
        current.set(i);
        jump(groups.get(i));
        return groups.get(i);
    }

    /** Shows where an error happened: its execution, or its run. */
    public void jump(ErrorGroup g) {
        ErrorEntry e = g.first();
        int i = groups.indexOf(g);
        if (i >= 0) {
            current.set(i);
        }
        if (e.run() == null) {
            return;
        }
        selection.select(e.run(), e.execution());
    }

    public ObservableList<ErrorGroup> groups() {
        return groups;
    }

    /** Index of the error last jumped to, or -1. */
    public IntegerProperty currentProperty() {
        return current;
    }

    /** Errors counted before grouping. */
    public IntegerProperty totalProperty() {
        return total;
    }
}
