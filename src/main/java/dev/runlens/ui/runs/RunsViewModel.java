package dev.runlens.ui.runs;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedStatus;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The runs list: one row per run in the order first seen, refreshed once per batch, and the runs
 * shown, filtered and sorted ({@link #shown()}). Knows no controls. A run the filter hides keeps
 * its selection: the selection is the operator's, the filter only what the list shows.
 */
public final class RunsViewModel {
    private final DashboardModel model;
    private final Selection selection;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final Map<RunRef, Integer> index = new HashMap<>();
    private final ShownRuns shown;
    private final ObjectProperty<RunFilter> filter = new SimpleObjectProperty<>(this, "filter", RunFilter.ALL);
    private final ObjectProperty<RunSort> sort = new SimpleObjectProperty<>(this, "sort", RunSort.FIRST_SEEN);
    private final ObservableList<Feed> feeds = FXCollections.observableArrayList();
    private Consumer<Runnable> autoSelect = Runnable::run;
    private boolean autoSelectPending;

    private java.util.function.Predicate<RunRef> overdue = r -> false;

    public RunsViewModel(DashboardModel model, Selection selection) {
        this.model = model;
        this.selection = selection;
        this.shown = new ShownRuns(ref -> {
            TrackedRun t = model.track(ref);
            return t == null ? null : t.run();
        });
        filter.subscribe(f -> reshow());
        sort.subscribe(s -> reshow());
        model.addListener(this::onBatch);
        model.addResetListener(this::rebuild);
        selection.landOn(this::landing);
    }

    /** A failed run is selected straight at its first failing execution, as when it fails live. */
    private Execution landing(RunRef ref) {
        TrackedRun track = model.track(ref);
        Run run = track == null ? null : track.run();
        return run != null && run.status() == RunStatus.FAILED ? run.firstFailedExecution() : null;
    }

    /**
     * After a replay seek: runs that do not exist at the new point go, the others are refreshed and
     * runs new to the list are appended, as one change (one per run made the view redraw its cells
     * once per run).
     */
    private void rebuild() {
        List<RunRow> next = new ArrayList<>(rows.size());
        Map<RunRef, Integer> at = new HashMap<>();
        List<RunRef> order = new ArrayList<>(rows.stream().map(RunRow::ref).toList());
        model.runs().forEach(r -> order.add(r.ref()));
        for (RunRef ref : order) {
            TrackedRun track = model.track(ref);
            if (track != null && !at.containsKey(ref)) {
                at.put(ref, next.size());
                next.add(RunRow.of(track, model.feedStatus(track.feed())));
            }
        }
        // The index is right before the list changes: views look rows up while it does.
        index.clear();
        index.putAll(at);
        rows.setAll(next);
        reshow();
        refreshFeeds();
    }

    private void reshow() {
        RunFilter f = filter.get() == null ? RunFilter.ALL : filter.get();
        shown.reset(f, sort.get() == null ? RunSort.FIRST_SEEN : sort.get(), rows);
    }

    private void refreshFeeds() {
        List<Feed> now = model.feeds().stream().map(FeedStatus::feed).toList();
        if (!now.equals(feeds)) {
            feeds.setAll(now);
        }
    }

    void onBatch(Batch batch) {
        if (batch.changedRuns().isEmpty() && !batch.feedsChanged()) {
            return;
        }
        // A feed's state shows in all its runs' rows.
        List<Run> changed = batch.feedsChanged() ? model.runs() : batch.changedRuns();
        List<RunRow> updated = new ArrayList<>(changed.size());
        for (Run run : changed) {
            RunRow row = update(run);
            if (row != null) {
                updated.add(row);
            }
        }
        shown.update(updated, index::get);
        if (batch.feedsChanged()) {
            refreshFeeds();
        }
        if (selection.run() == null && !shown().isEmpty() && !autoSelectPending) {
            autoSelectPending = true;
            autoSelect.accept(this::selectFirstIfNone);
        }
    }

    private void selectFirstIfNone() {
        autoSelectPending = false;
        // The first run the list shows: a filter set before any run came is respected.
        if (selection.run() == null && !shown().isEmpty()) {
            selection.runProperty().set(shown().get(0));
        }
    }

    /**
     * How the first run is selected when nothing is: right away (the default), or through
     * {@code scheduler}. The window passes its next pulse, so that the pulse that lists the first
     * run does not also fill the timeline, inspector and event log for it.
     */
    public void autoSelectThrough(Consumer<Runnable> scheduler) {
        this.autoSelect = scheduler;
    }

    private RunRow update(Run run) {
        TrackedRun track = model.track(run.ref());
        if (track == null) {
            return null;
        }
        RunRow row = RunRow.of(track, model.feedStatus(track.feed()));
        Integer i = index.get(run.ref());
        if (i == null) {
            index.put(run.ref(), rows.size());
            rows.add(row);
        } else {
            rows.set(i, row);
        }
        return row;
    }

    /** The runs the list shows, filtered and sorted; it changes only where runs enter, leave or move. */
    public ObservableList<RunRef> shown() {
        return shown.list();
    }

    public ObjectProperty<RunFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<RunSort> sortProperty() {
        return sort;
    }

    /** The connections and files runs came from, for the connection filter. */
    public ObservableList<Feed> feeds() {
        return feeds;
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    public Selection selection() {
        return selection;
    }

    /** Runs with an execution past its usual time (issue 18's overdue watch); none by default. */
    public void setOverdue(java.util.function.Predicate<RunRef> overdue) {
        this.overdue = overdue;
    }

    public boolean overdue(RunRef ref) {
        return overdue.test(ref);
    }

    public RunRow row(RunRef ref) {
        Integer i = index.get(ref);
        return i == null ? null : rows.get(i);
    }
}
