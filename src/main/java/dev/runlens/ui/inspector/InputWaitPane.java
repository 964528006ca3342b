package dev.runlens.ui.inspector;

import dev.runlens.act.ActionFailure;
import dev.runlens.ui.act.AnswerInputDialog;
import dev.runlens.value.Value;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The inspector's "Waiting for input" section: who waits, the value (plain or tagged JSON, parsed as
 * the Answer dialog parses it), Answer ({@code POST}) and Cancel ({@code DELETE}), and the outcome as
 * one sentence. Hidden while the selection waits for nothing.
 */
public final class InputWaitPane extends VBox {
    private final Label who = new Label();
    private final Label url = new Label();
    private final TextArea value = new TextArea();
    private final CheckBox tagged = new CheckBox("Tagged JSON");
    private final Button answer = new Button("Answer");
    private final Button cancel = new Button("Cancel the input");
    private final Label result = new Label();
    private Consumer<AnswerInputDialog.Choice> onChoice = c -> { };
    private Value parsed;
    private String shownUrl;

    public InputWaitPane() {
        setId("input-wait");
        setSpacing(4);
        setPadding(new Insets(4, 6, 6, 6));
        getStyleClass().add("input-wait");
        Label title = new Label("Waiting for input");
        title.getStyleClass().add("pane-title");
        who.setId("input-wait-who");
        who.setWrapText(true);
        url.setId("input-wait-url");
        url.setWrapText(true);
        url.getStyleClass().add("run-detail");
        value.setId("input-wait-value");
        value.setPromptText("true, 42, \"text\", {\"key\": 1} …");
        value.setPrefRowCount(2);
        tagged.setId("input-wait-tagged");
        answer.setId("input-wait-answer");
        cancel.setId("input-wait-cancel");
        result.setId("input-wait-result");
        result.setWrapText(true);
        answer.setOnAction(e -> choose(new AnswerInputDialog.Choice.Send(parsed)));
        cancel.setOnAction(e -> choose(new AnswerInputDialog.Choice.CancelInput()));
        value.textProperty().subscribe(t -> update());
        tagged.selectedProperty().subscribe(t -> update());
        getChildren().setAll(title, who, url, value, new HBox(6, tagged, answer, cancel), result);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows the wait on {@code url}; a new input (another URL) starts with an empty form. */
    public void show(String whoWaits, String inputUrl, Consumer<AnswerInputDialog.Choice> choice) {
        who.setText(whoWaits);
        url.setText("Answered at " + inputUrl);
        this.onChoice = choice;
        if (!inputUrl.equals(shownUrl)) {
            shownUrl = inputUrl;
            value.clear();
            result.setText("");
        }
        setDisable(false);
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
        onChoice = c -> { };
    }

    /** The outcome of the last answer, one sentence (a failure: the form stays to try again). */
    public void result(String sentence) {
        result.setText(sentence);
        setDisable(false);
    }

    private void choose(AnswerInputDialog.Choice choice) {
        setDisable(true); // until the server answers: one request at a time
        result.setText(choice instanceof AnswerInputDialog.Choice.Send ? "Sending the value…" : "Cancelling the input…");
        onChoice.accept(choice);
    }

    private void update() {
        parsed = null;
        String t = value.getText() == null ? "" : value.getText().strip();
        if (t.isEmpty()) {
            result.setText("");
        } else {
            try {
                parsed = AnswerInputDialog.parse(t, tagged.isSelected(), null);
                result.setText("");
            } catch (ActionFailure f) {
                result.setText(f.sentence());
            }
        }
        answer.setDisable(parsed == null);
    }
}
