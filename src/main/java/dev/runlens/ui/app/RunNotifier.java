package dev.runlens.ui.app;

import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.TrackedRun;
import javafx.animation.PauseTransition;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** A desktop notification when a watched (live) run fails or finishes. */
final class RunNotifier {
    private static final Duration DELAY = Duration.millis(250);
    private final DashboardModel model;
    private final Window owner;

    RunNotifier(DashboardModel model, Window owner) {
        this.model = model;
        this.owner = owner;
        model.addListener(this::onBatch);
    }

    private void onBatch(Batch batch) {
        for (Run run : batch.endedRuns()) {
            TrackedRun track = model.track(run.ref());
            if (track == null || !track.feed().live()) {
                continue;
            }
            boolean failed = run.status() == RunStatus.FAILED;
            String text = run.ref().source().label() + " run " + run.ref().runId()
                    + (failed ? " failed: " + firstError(run) : " finished: " + run.executions().size() + " executions");
            // A moment after the batch: the window first shows the run's end (its row, the
            // inspector, the error panel), then the popup, whose first showing is costly (its
            // window, skin and style sheet), in a frame of its own.
            PauseTransition later = new PauseTransition(DELAY);
            later.setOnFinished(e -> show(failed, text));
            later.play();
        }
    }

    private void show(boolean failed, String text) {
        if (owner.getScene() == null || !owner.isShowing()) {
            return;
        }
        try {
            Notifications n = Notifications.create().owner(owner).title(failed ? "Run failed" : "Run finished")
                    .text(text).hideAfter(Duration.seconds(failed ? 10 : 5));
            if (failed) {
                n.showError();
            } else {
                n.showInformation();
            }
        } catch (RuntimeException e) {
            // A notification that cannot be shown (no desktop) must not disturb the dashboard.
        }
    }

    private static String firstError(Run run) {
        return run.errors().isEmpty() ? "see the error panel" : run.errors().get(0).message();
    }
}
