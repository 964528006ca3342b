package dev.runlens.ui.app;

import dev.runlens.ui.bridge.Cadence;
import dev.runlens.ui.bridge.FxPump;
import dev.runlens.ui.compare.OverdueWatch;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.events.EventLogViewModel;
import dev.runlens.ui.runs.RunsView;
import javafx.scene.control.Tab;

import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * What the window refreshes after each pulse's batch, each on the pulses the pump's {@link Cadence}
 * gives it, so that they paint together: the timeline (20 a second while it streams), the runs
 * list's counters, the timeline's title, the status bar and the event log (four a second), the
 * runs list's clock and the overdue runs (once a second). On their own timers they fell on
 * different pulses and nearly every pulse painted a frame.
 */
final class PeriodicRefresh implements LongConsumer {
    /** The event log waits this long after the selection changed before it takes the new run's rows. */
    private static final long AFTER_SELECTION_NANOS = 100_000_000L;

    private final Cadence cadence;
    private final TimelineFollower follower;
    private final RunsView runs;
    private final OverdueWatch overdue;
    private final StatusBarView statusBar;
    private final Tab eventsTab;
    private final EventLogViewModel events;
    private long selectedAt;

    PeriodicRefresh(FxPump pump, TimelineFollower follower, RunsView runs, OverdueWatch overdue, StatusBarView statusBar,
                    Tab eventsTab, EventLogViewModel events, Selection selection) {
        this.cadence = pump.cadence();
        this.follower = follower;
        this.runs = runs;
        this.overdue = overdue;
        this.statusBar = statusBar;
        this.eventsTab = eventsTab;
        this.events = events;
        // The event log's rows for a newly shown run wait for a later flush (EventLogViewModel).
        selection.runProperty().subscribe(r -> selectedAt = System.nanoTime());
        events.setDeferred(true);
        eventsTab.selectedProperty().subscribe(selected -> {
            if (selected) {
                events.flush();
            }
        });
    }

    @Override
    public void accept(long now) {
        follower.afterPulse(cadence);
        runs.afterPulse(cadence);
        if (cadence.second()) {
            overdue.evaluate(Instant.now());
        }
        statusBar.refresh(cadence, now);
        // The event log takes new rows four times a second, and only while it is in view.
        if (cadence.quarter() && eventsTab.isSelected() && now - selectedAt > AFTER_SELECTION_NANOS) {
            events.flush();
        }
    }
}
