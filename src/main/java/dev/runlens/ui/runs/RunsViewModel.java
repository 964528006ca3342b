package dev.runlens.ui.runs;

import dev.runlens.connect.ConnectionState;
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
 * The runs list: one row per run in the order first seen, and the runs shown, filtered and sorted
 * ({@link #shown()}). Knows no controls. A run the filter hides keeps its selection: the selection
 * is the operator's, the filter only what the list shows.
 * <p>
 * With a thousand live runs a batch touches hundreds of them, almost always only to move their
 * counters, which place no run anywhere. So a batch costs a run a look at what can move it (its
 * status, its end, its connection's state, and, while the filter has text, its node count); only
 * when one of those changed is its row in {@link #rows()} taken again and the run placed again.
 * Counters are read when a cell is drawn ({@link #row}), and {@link #countsChangedProperty()} tells
 * the view that some moved (it redraws its few visible cells a few times a second).
 */
public final class RunsViewModel {
    private final DashboardModel model;
    private final Selection selection;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    /** Each run's place in {@link #rows} and the node count its row was placed with. */
    private final Map<RunRef, Listed> index = new HashMap<>();
    private final javafx.beans.property.ReadOnlyLongWrapper countsChanged = new javafx.beans.property.ReadOnlyLongWrapper(this, "countsChanged");
    private final ShownRuns shown;
    private final ObjectProperty<RunFilter> filter = new SimpleObjectProperty<>(this, "filter", RunFilter.ALL);
    private final ObjectProperty<RunSort> sort = new SimpleObjectProperty<>(this, "sort", RunSort.FIRST_SEEN);
    private final ObservableList<Feed> feeds = FXCollections.observableArrayList();
    private Consumer<Runnable> autoSelect = Runnable::run;
    private boolean autoSelectPending;

    private java.util.function.Predicate<RunRef> overdue = r -> false;

    /** Where a run's row is, and what it was placed by that its row does not show. */
    private static final class Listed {
        final int at;
        int nodes;

        Listed(int at, int nodes) {
            this.at = at;
            this.nodes = nodes;
        }
    }

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
        Map<RunRef, Listed> at = new HashMap<>();
        List<RunRef> order = new ArrayList<>(rows.stream().map(RunRow::ref).toList());
        model.runs().forEach(r -> order.add(r.ref()));
        for (RunRef ref : order) {
            TrackedRun track = model.track(ref);
            if (track != null && !at.containsKey(ref)) {
                at.put(ref, new Listed(next.size(), track.run().nodeCount()));
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
        List<RunRow> placed = new ArrayList<>();
        boolean counts = false;
        boolean byNodes = !shown.filter().text().isEmpty();
        for (Run run : changed) {
            RunRow row = update(run, byNodes, batch.feedsChanged());
            if (row != null) {
                placed.add(row);
            } else {
                counts = true;
            }
        }
        shown.update(placed, ref -> index.get(ref).at);
        if (counts) {
            countsChanged.set(countsChanged.get() + 1);
        }
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

    /**
     * Takes the run's row again when what may place it changed (or it is new) and returns it; null
     * when only its counters moved.
     */
    private RunRow update(Run run, boolean byNodes, boolean feeds) {
        Listed listed = index.get(run.ref());
        if (listed != null) {
            RunRow before = rows.get(listed.at);
            if (before.status() == run.status() && before.terminal() == run.terminal()
                    && (!byNodes || listed.nodes == run.nodeCount()) && (!feeds || before.connection() == connection(before.feed()))) {
                return null;
            }
        }
        TrackedRun track = model.track(run.ref());
        if (track == null) {
            return null;
        }
        RunRow row = RunRow.of(track, model.feedStatus(track.feed()));
        if (listed == null) {
            index.put(run.ref(), new Listed(rows.size(), run.nodeCount()));
            rows.add(row);
        } else {
            listed.nodes = run.nodeCount();
            rows.set(listed.at, row);
        }
        return row;
    }

    private ConnectionState connection(Feed feed) {
        FeedStatus status = feed == null ? null : model.feedStatus(feed);
        return status == null ? null : status.state();
    }

    /** Counts up after each batch in which some run's counters moved and nothing placed it anew. */
    public javafx.beans.property.ReadOnlyLongProperty countsChangedProperty() {
        return countsChanged.getReadOnlyProperty();
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

    /**
     * One row per run, in the order first seen: what placed each run in {@link #shown()} (taken
     * when the run came or its status, end or connection changed). Its counters are those of that
     * moment; {@link #row} reads them as they are now.
     */
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

    /** The run as it is now, counters included (made when asked: a cell being drawn), or null when it is not listed. */
    public RunRow row(RunRef ref) {
        TrackedRun track = index.containsKey(ref) ? model.track(ref) : null;
        return track == null ? null : RunRow.of(track, model.feedStatus(track.feed()));
    }
}
