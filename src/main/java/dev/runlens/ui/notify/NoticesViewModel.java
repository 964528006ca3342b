package dev.runlens.ui.notify;

import dev.runlens.connect.ConnectionState;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedStatus;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-window notice area's state (decision 0047): live runs that ended since the operator last
 * looked, combined into one line ("3 runs finished, 1 failed"), the newest failure (to open it), and
 * the latest news of a connection (lost, reconnected, stopped). A run leaves the counts once it is
 * selected; dismissing clears everything. Problems themselves stay in the error panel.
 */
public final class NoticesViewModel {
    private final DashboardModel model;
    private final Selection selection;
    private final NoticeCounts counts = new NoticeCounts();
    private final Map<Feed, ConnectionState> states = new HashMap<>();
    private final ReadOnlyStringWrapper runs = new ReadOnlyStringWrapper(this, "runs", "");
    private final ReadOnlyObjectWrapper<RunOutcome> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "");
    private final ReadOnlyStringWrapper accessibleText = new ReadOnlyStringWrapper(this, "accessibleText", "");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");

    public NoticesViewModel(DashboardModel model, Selection selection) {
        this.model = model;
        this.selection = selection;
        model.addListener(this::onBatch);
        // Selecting a counted run is looking at it. The first selection (from none) is the window
        // filling itself with the first run it lists, not the operator's choice.
        selection.runProperty().subscribe((before, ref) -> {
            if (before != null && ref != null && counts.remove(ref)) {
                refresh();
            }
        });
    }

    /** The live runs among {@code batch}'s ended runs (replayed files are not news). */
    public static List<RunOutcome> liveEndings(DashboardModel model, Batch batch) {
        return batch.endedRuns().stream().filter(run -> model.track(run.ref()) instanceof TrackedRun t && t.feed().live())
                .map(RunOutcome::of).toList();
    }

    private void onBatch(Batch batch) {
        List<RunOutcome> ended = liveEndings(model, batch);
        ended.forEach(counts::add);
        boolean changed = !ended.isEmpty();
        if (batch.feedsChanged()) {
            changed |= noteConnections();
        }
        if (changed) {
            refresh();
        }
    }

    private boolean noteConnections() {
        String latest = null;
        for (FeedStatus f : model.feeds()) {
            if (!f.feed().live() || f.state() == null) {
                continue;
            }
            ConnectionState before = states.put(f.feed(), f.state());
            if (before == f.state()) {
                continue;
            }
            String label = f.feed().label();
            String said = f.message() == null || f.message().isBlank() ? f.state().label() : f.message();
            latest = switch (f.state()) {
                case RECONNECTING -> "Connection to " + label + " lost; reconnecting";
                case LIVE -> before == ConnectionState.RECONNECTING ? "Reconnected to " + label : latest;
                case TOKEN_REFUSED, UNAUTHORIZED, NOT_FOUND, FAILED -> "Connection to " + label + " stopped: " + said;
                default -> latest;
            };
        }
        if (latest == null) {
            return false;
        }
        connection.set(latest);
        return true;
    }

    /** Clears the notices: the operator has read them. */
    public void dismiss() {
        counts.clear();
        connection.set("");
        refresh();
    }

    /** Selects the newest failed run and its first failing execution. */
    public void openNewestFailure() {
        RunOutcome f = failure.get();
        if (f != null) {
            open(f.ref());
        }
    }

    /** Selects {@code ref}, and its first failing execution if it failed (a click on a notice or a notification). */
    public void open(RunRef ref) {
        TrackedRun track = model.track(ref);
        selection.select(ref, track == null ? null : track.run().firstFailedExecution());
        if (counts.remove(ref)) {
            refresh();
        }
    }

    private void refresh() {
        runs.set(counts.summary());
        RunOutcome newestFailure = counts.newestFailure();
        failure.set(newestFailure);
        StringBuilder b = new StringBuilder();
        if (!runs.get().isEmpty()) {
            b.append(runs.get()).append('.');
        }
        if (newestFailure != null) {
            b.append(" Newest failure: ").append(newestFailure.sentence()).append('.');
        }
        if (!connection.get().isEmpty()) {
            b.append(' ').append(connection.get()).append('.');
        }
        accessibleText.set(b.length() == 0 ? "" : "Notices: " + b.toString().trim());
        showing.set(b.length() > 0);
    }

    /** "3 runs finished, 1 failed", or empty. */
    public ReadOnlyStringProperty runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** The newest unseen failure, or null. */
    public ReadOnlyObjectProperty<RunOutcome> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The latest news of a connection, or empty. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** Everything the area says, in sentences, for screen readers. */
    public ReadOnlyStringProperty accessibleTextProperty() {
        return accessibleText.getReadOnlyProperty();
    }

    /** True while there is something to say. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }
}
