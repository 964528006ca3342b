package dev.runlens.ui.app;

import dev.runlens.protocol.RunRef;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.notify.DesktopNotifier;
import dev.runlens.ui.notify.NoticesViewModel;
import dev.runlens.ui.notify.RunOutcome;
import javafx.beans.binding.BooleanBinding;
import javafx.stage.Stage;

/**
 * Tells the desktop when a watched (live) run fails or finishes while the window is not focused;
 * a click on that notification brings the window up with the run selected. Inside the window the
 * notice area says it ({@link NoticesViewModel}): no popups over the panels (decision 0047).
 */
final class RunNotifier implements AutoCloseable {
    private final DashboardModel model;
    private final NoticesViewModel notices;
    private final Stage stage;
    private final DesktopNotifier desktop;
    /** The operator can see the window: it has the focus and is not minimized. */
    private final BooleanBinding inView;

    RunNotifier(DashboardModel model, NoticesViewModel notices, Stage stage, String busAddress) {
        this.model = model;
        this.notices = notices;
        this.stage = stage;
        this.desktop = new DesktopNotifier(busAddress, ref -> FxThread.later(() -> bringUp(ref)));
        this.inView = stage.focusedProperty().and(stage.iconifiedProperty().not());
        model.addListener(this::onBatch);
        inView.subscribe(seen -> {
            if (seen) {
                desktop.windowFocused();
            }
        });
    }

    private void onBatch(Batch batch) {
        if (batch.endedRuns().isEmpty() || inView.get()) {
            return;
        }
        for (RunOutcome o : NoticesViewModel.liveEndings(model, batch)) {
            desktop.announce(o);
        }
    }

    /** The operator clicked a desktop notification: the window comes up with its run selected. */
    private void bringUp(RunRef ref) {
        if (!stage.isShowing()) {
            return;
        }
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        notices.open(ref);
    }

    @Override
    public void close() {
        desktop.close();
    }
}
