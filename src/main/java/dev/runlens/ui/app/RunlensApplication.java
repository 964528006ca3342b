package dev.runlens.ui.app;

import dev.runlens.cli.Version;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The Runlens window. */
public final class RunlensApplication extends Application {

    @Override
    public void start(Stage stage) {
        Label title = new Label("Runlens " + Version.get());
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label what = new Label("Watch Space Operator and Lyzr workflow runs live, inspect each node's inputs "
                + "and outputs, and replay recorded event logs.\nFrom a terminal: runlens summary FILE");
        what.setWrapText(true);
        VBox root = new VBox(12, title, what);
        root.setPadding(new Insets(24));
        stage.setTitle("Runlens");
        stage.setScene(new Scene(root, 640, 200));
        stage.show();
    }
}
