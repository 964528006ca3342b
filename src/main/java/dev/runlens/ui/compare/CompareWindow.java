package dev.runlens.ui.compare;

import dev.runlens.history.RunHistory;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.timeline.NodeNames;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The comparison in a window of its own, beside the dashboard; closing it stops following the run. */
public final class CompareWindow {
    private CompareWindow() {
    }

    public static Stage open(Window owner, DashboardModel model, RunRef run, RunHistory history, NodeNames names) {
        CompareViewModel vm = new CompareViewModel(model, run, history, FxThread::later);
        CompareView view = new CompareView(vm, names);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Compare " + run.runId() + " with a baseline");
        Scene scene = new Scene(view, 1000, 620);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        vm.start();
        stage.show();
        return stage;
    }
}
