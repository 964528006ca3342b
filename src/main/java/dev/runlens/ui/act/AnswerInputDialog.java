package dev.runlens.ui.act;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.FlowInputs;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;
import dev.runlens.json.Json;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Map;

/**
 * Answers a run that waits on an {@code ApiInput}: a value (plain JSON with a type, or tagged),
 * the tagged form that will be posted to the event's URL, and a button that cancels the input
 * instead ({@code DELETE}). Closing the dialog leaves the run waiting.
 */
public final class AnswerInputDialog extends Dialog<AnswerInputDialog.Choice> {
    public static final ButtonType SEND = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType CANCEL_INPUT = new ButtonType("Cancel the input", ButtonBar.ButtonData.OTHER);

    /** What the operator chose. */
    public sealed interface Choice {
        record Send(Value value) implements Choice {
        }

        record CancelInput() implements Choice {
        }
    }

    private final TextArea text = new TextArea();
    private final CheckBox tagged = new CheckBox("Tagged JSON");
    private final ChoiceBox<String> type = new ChoiceBox<>();
    private final TextArea preview = new TextArea();
    private final Label problem = new Label();
    private Value value;

    public AnswerInputDialog(Window owner, String runName, String url) {
        if (owner != null) {
            initOwner(owner);
        }
        createView(runName, url);
        initListeners();
        setResultConverter(b -> b == SEND && value != null ? new Choice.Send(value) : b == CANCEL_INPUT ? new Choice.CancelInput() : null);
    }

    private void createView(String runName, String url) {
        setTitle("Answer the input");
        setHeaderText("Run " + runName + " is waiting for input");
        getDialogPane().setId("answer-input-dialog");
        dev.runlens.ui.theme.Themes.style(getDialogPane());
        Label where = new Label("The value is posted to " + url);
        where.setId("answer-url");
        where.setWrapText(true);
        text.setId("answer-value");
        text.setPromptText("true, 42, \"text\", {\"key\": 1} …");
        text.setPrefRowCount(5);
        tagged.setId("answer-tagged");
        type.setId("answer-type");
        type.getItems().add("auto");
        for (Tag t : Tag.values()) {
            type.getItems().add(t.name());
        }
        type.getSelectionModel().select("auto");
        preview.setId("answer-preview");
        preview.setEditable(false);
        preview.setPrefRowCount(4);
        problem.setId("answer-problem");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.add(where, 0, 0, 2, 1);
        grid.addRow(1, new Label("Value"), text);
        grid.addRow(2, new Label("Type"), type);
        grid.add(tagged, 1, 3);
        grid.addRow(4, new Label("Will send"), preview);
        grid.add(problem, 0, 5, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(SEND, CANCEL_INPUT, ButtonType.CLOSE);
        getDialogPane().lookupButton(SEND).setId("answer-send");
        getDialogPane().lookupButton(CANCEL_INPUT).setId("answer-cancel-input");
        ((Button) getDialogPane().lookupButton(SEND)).setDefaultButton(false);
        update();
    }

    private void initListeners() {
        text.textProperty().subscribe(t -> update());
        tagged.selectedProperty().subscribe(t -> update());
        type.valueProperty().subscribe(t -> update());
    }

    private void update() {
        type.setDisable(tagged.isSelected());
        value = null;
        String t = text.getText() == null ? "" : text.getText().strip();
        if (t.isEmpty()) {
            preview.setText("");
            problem.setText("Enter the value to send.");
        } else {
            try {
                value = parse(t, tagged.isSelected(), "auto".equals(type.getValue()) ? null : Tag.valueOf(type.getValue()));
                preview.setText(Json.pretty(Json.object().set("value", ValueCodec.encode(value))));
                problem.setText("");
            } catch (ActionFailure f) {
                preview.setText("");
                problem.setText(f.sentence());
            }
        }
        getDialogPane().lookupButton(SEND).setDisable(value == null);
    }

    /**
     * The value an operator typed: plain JSON (numbers become {@code D} unless {@code type} says) or
     * tagged JSON. The inspector's form parses with this too.
     */
    public static Value parse(String text, boolean taggedForm, Tag type) throws ActionFailure {
        try {
            Map<String, Value> v = FlowInputs.parse("{\"value\":" + text.strip() + "}", taggedForm ? FlowInputs.Form.TAGGED
                    : FlowInputs.Form.PLAIN, type == null ? Map.of() : Map.of("value", type));
            if (v.size() != 1) {
                throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "The value must be one JSON value.");
            }
            return v.get("value");
        } catch (ActionFailure f) {
            throw new ActionFailure(f.kind(), f.sentence().replace("The inputs are not JSON", "The value is not JSON"));
        }
    }
}
