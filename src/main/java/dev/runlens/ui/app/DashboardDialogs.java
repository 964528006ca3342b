package dev.runlens.ui.app;

import dev.runlens.ui.connect.ConnectDialog;
import dev.runlens.ui.connect.ConnectViewModel;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.connect.RecentConnections;
import dev.runlens.ui.controls.Action;
import dev.runlens.ui.timeline.NodeNames;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** The window's dialogs: connect, load a flow export, the cheat sheet, and alerts. FX thread. */
final class DashboardDialogs {
    private final RecentConnections recent = RecentConnections.inDefaultLocation();
    private final NodeNames names;
    private final Runnable namesChanged;
    private Stage stage;

    /** {@code namesChanged} redraws what shows node names once a flow export is loaded. */
    DashboardDialogs(NodeNames names, Runnable namesChanged) {
        this.names = names;
        this.namesChanged = namesChanged;
    }

    void setStage(Stage stage) {
        this.stage = stage;
    }

    /** Asks for a connection; the chosen one is remembered and handed to {@code connect}. */
    void connect(Consumer<ConnectionSettings> connect) {
        ConnectViewModel vm = new ConnectViewModel(recent.load());
        new ConnectDialog(stage, vm).showAndWait().ifPresent(s -> {
            try {
                recent.remember(s);
            } catch (IOException e) {
                // Not remembering a connection is no reason to refuse it.
            }
            connect.accept(s);
        });
    }

    void loadFlowExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a Space Operator flow export (node names)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            int n = names.load(f.toPath());
            namesChanged.run();
            show(Alert.AlertType.INFORMATION, "Loaded " + n + " node names from " + f.getName());
        } catch (IOException | RuntimeException e) {
            show(Alert.AlertType.ERROR, "Could not read " + f.getName() + ": " + e.getMessage());
        }
    }

    void cheatSheet(List<Action> actions) {
        CheatSheet.create(stage, actions).show();
    }

    void show(Alert.AlertType type, String text) {
        Alert a = new Alert(type, text);
        a.initOwner(stage);
        a.show();
    }

    void quit() {
        if (stage != null) {
            stage.close();
        }
    }
}
