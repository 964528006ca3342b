package dev.runlens.ui.app;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.runs.ServerClock;
import dev.runlens.ui.timeline.NodeIdMenu;
import dev.runlens.ui.timeline.NodeNames;
import dev.runlens.ui.timeline.TimelineData;
import dev.runlens.ui.timeline.TimelinePane;
import dev.runlens.ui.timeline.TimelineView;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the timeline on the selected run: builds its data when the selection changes, refreshes the
 * touched executions after each batch, and keeps zoom and scroll across a replay seek that left
 * the run as it was. The title's counts change at most four times a second.
 */
final class TimelineFollower {
    private static final long TITLE_NANOS = 250_000_000L;
    private final DashboardModel model;
    private final Selection selection;
    private final TimelineView timeline;
    private final TimelinePane pane;
    private final NodeNames names;
    /** How many nodes of each run {@link #names} has learnt: a run is learnt again only when it has new nodes. */
    private final Map<RunRef, Integer> learnt = new HashMap<>();
    private TimelineData data;
    private boolean titleStale;
    private long lastTitle;

    TimelineFollower(DashboardModel model, Selection selection, TimelineView timeline, TimelinePane pane, NodeNames names) {
        this.model = model;
        this.selection = selection;
        this.timeline = timeline;
        this.pane = pane;
        this.names = names;
        new NodeIdMenu(timeline, selection::execution);
        selection.runProperty().subscribe(this::showRun);
        selection.executionProperty().subscribe(timeline::setSelected);
        model.addListener(this::onBatch);
        model.addResetListener(this::afterSeek);
    }

    /** After each pulse: paints if needed, and renews the title's counts (a new title every pulse re-laid the title bar out). */
    void afterPulse(long now) {
        timeline.paintIfDirty();
        if (titleStale && data != null && now - lastTitle > TITLE_NANOS) {
            titleStale = false;
            lastTitle = now;
            pane.setTitle(title(model.track(data.run().ref()), data.run()));
        }
    }

    private void onBatch(Batch batch) {
        for (Run r : batch.changedRuns()) {
            learn(r);
        }
        if (data == null && selection.run() != null) {
            showRun(selection.run());
            return;
        }
        if (data == null) {
            return;
        }
        TrackedRun shown = model.track(data.run().ref());
        if (shown != null && shown.run() != data.run()) {
            // A replayed run shared with the replay's snapshots became a new object on its first change.
            showRun(selection.run());
            return;
        }
        Run run = data.run();
        if (batch.changedRuns().contains(run)) {
            Set<Execution> touched = new HashSet<>();
            batch.newRows(run.ref()).forEach(r -> {
                if (r.execution() != null) {
                    touched.add(r.execution());
                }
            });
            data.refresh(touched);
            timeline.invalidateData();
            titleStale = true;
        }
    }

    /**
     * After a replay seek. A run the seek left as it was (an ended run is the same object in every
     * replay snapshot after its end) keeps its timeline data, zoom and scroll; only the playhead
     * moved. Otherwise the timeline is built again from the run at the new position.
     */
    private void afterSeek() {
        model.runs().forEach(this::learn);
        TrackedRun track = selection.run() == null ? null : model.track(selection.run());
        if (data != null && track != null && track.run() == data.run()) {
            timeline.setData(data);
            timeline.setSelected(selection.execution());
            return;
        }
        showRun(selection.run());
    }

    private void showRun(RunRef ref) {
        TrackedRun track = ref == null ? null : model.track(ref);
        data = track == null ? null : new TimelineData(track.run());
        timeline.setData(data);
        timeline.setSelected(selection.execution());
        pane.setTitle(track == null ? "Node timeline" : title(track, track.run()));
    }

    /** Node labels are unique among the ids learnt: learns a run's ids when it has new ones. */
    private void learn(Run run) {
        Integer known = learnt.get(run.ref());
        if (known == null || known != run.nodeCount()) {
            learnt.put(run.ref(), run.nodeCount());
            names.learn(run.nodes());
        }
    }

    /** The run header: which run, how big, and whether its server's clock is off from ours. */
    static String title(TrackedRun track, Run run) {
        String clock = track == null ? null : ServerClock.note(track.clockOffset());
        return "Node timeline · " + run.ref().source().label() + " " + run.ref().runId() + " · " + run.nodeCount() + " nodes, "
                + run.executions().size() + " executions" + (clock == null ? "" : " · " + clock);
    }
}
