package dev.runlens.ui.act;

import dev.runlens.launch.LyzrKeySource;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The Start dialog's Lyzr side: API URL, socket URL, the workflow file (or the recorded one), and
 * the API key's source (a variable's name, a file, or typed: never remembered, never written).
 */
final class LyzrStartPane extends GridPane {
    LyzrStartPane(LyzrStartViewModel vm) {
        setId("start-lyzr-pane");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(10));
        TextField api = field("start-lyzr-api", "https://lao.studio.lyzr.ai", vm.apiProperty());
        TextField socket = field("start-lyzr-socket", "blank: beside the API (lao.* → wss://lao-socket.*)", vm.socketProperty());
        TextField file = field("start-lyzr-workflow", "workflow.json (the bare workflow object)", vm.workflowFileProperty());
        Button browse = new Button("Choose…");
        browse.setId("start-lyzr-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The Lyzr workflow to post");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.workflowFileProperty().set(f.getPath());
            }
        });
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        fileRow.disableProperty().bind(vm.recordedProperty().isNotNull());
        Label recorded = new Label();
        recorded.setId("start-lyzr-recorded");
        recorded.textProperty().bind(Bindings.createStringBinding(() -> vm.recordedProperty().get() == null ? ""
                : "Workflow " + vm.recordedProperty().get().path("flow_name").asText() + " as recorded (a fresh run_name is set).",
                vm.recordedProperty()));
        TextField keyEnv = field("start-lyzr-key-env", LyzrKeySource.DEFAULT_ENV, vm.keyEnvProperty());
        TextField keyFile = field("start-lyzr-key-file", "a file holding the key (optional)", vm.keyFileProperty());
        PasswordField keyTyped = new PasswordField();
        keyTyped.setId("start-lyzr-key");
        keyTyped.setPromptText("or type it here (never remembered)");
        keyTyped.textProperty().bindBidirectional(vm.keyTypedProperty());
        Label problem = new Label();
        problem.setId("start-lyzr-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        Label rule = new Label("The key: the typed field if filled, else the file if named, else the variable. "
                + "The run's socket opens first; run-dag is posted once it is live.");
        rule.setWrapText(true);
        addRow(0, new Label("Lyzr API"), api);
        addRow(1, new Label("Socket"), socket);
        addRow(2, new Label("Workflow"), fileRow);
        add(recorded, 1, 3);
        addRow(4, new Label("Key variable"), keyEnv);
        addRow(5, new Label("Key file"), keyFile);
        addRow(6, new Label("Key"), keyTyped);
        add(rule, 0, 7, 2, 1);
        add(problem, 0, 8, 2, 1);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty bound) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(32);
        f.textProperty().bindBidirectional(bound);
        return f;
    }
}
