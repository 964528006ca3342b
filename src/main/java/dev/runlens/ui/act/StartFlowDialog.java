package dev.runlens.ui.act;

import dev.runlens.act.FlowInputs;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Start a flow: Space Operator (its id, its inputs as plain JSON, numbers sent as {@code D} unless
 * a type is given, or tagged JSON, and the tagged form that will be sent, beside them) or Lyzr
 * (a workflow posted to {@code run-dag}, see {@link LyzrStartPane}).
 */
public final class StartFlowDialog extends Dialog<StartFlowDialog.Choice> {
    public static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    /** What the operator chose to start. */
    public sealed interface Choice {
        record SpaceOperator(StartFlowViewModel.Request request) implements Choice {
        }

        record Lyzr(LyzrStartViewModel.Request request) implements Choice {
        }
    }

    private final StartFlowViewModel vm;
    private final LyzrStartViewModel lyzrVm;
    private final RadioButton lyzr = new RadioButton("Lyzr workflow");

    /** {@code lyzrVm}: the Lyzr side (null: Space Operator only); {@code lyzrFirst}: open on it. */
    public StartFlowDialog(Window owner, StartFlowViewModel vm, LyzrStartViewModel lyzrVm, boolean lyzrFirst) {
        this.vm = vm;
        this.lyzrVm = lyzrVm;
        if (owner != null) {
            initOwner(owner);
        }
        createView();
        lyzr.setSelected(lyzrFirst && lyzrVm != null);
        setResultConverter(b -> {
            if (b != START) {
                return null;
            }
            if (lyzr.isSelected()) {
                LyzrStartViewModel.Request r = lyzrVm.request();
                return r == null ? null : new Choice.Lyzr(r);
            }
            StartFlowViewModel.Request r = vm.request();
            return r == null ? null : new Choice.SpaceOperator(r);
        });
    }

    private void createView() {
        setTitle("Start a flow");
        setHeaderText("Start a Space Operator flow or a Lyzr workflow");
        getDialogPane().setId("start-flow-dialog");
        dev.runlens.ui.theme.Themes.style(getDialogPane());
        TextField flow = new TextField();
        flow.setId("start-flow-id");
        flow.setPromptText("flow id (a UUID)");
        flow.textProperty().bindBidirectional(vm.flowIdProperty());
        ToggleGroup forms = new ToggleGroup();
        RadioButton plain = new RadioButton("Plain JSON");
        plain.setId("start-form-plain");
        RadioButton tagged = new RadioButton("Tagged JSON");
        tagged.setId("start-form-tagged");
        plain.setToggleGroup(forms);
        tagged.setToggleGroup(forms);
        vm.formProperty().subscribe(f -> forms.selectToggle(f == FlowInputs.Form.TAGGED ? tagged : plain));
        forms.selectedToggleProperty().subscribe(t -> vm.formProperty().set(t == tagged ? FlowInputs.Form.TAGGED : FlowInputs.Form.PLAIN));
        TextField types = new TextField();
        types.setId("start-types");
        types.setPromptText("types of plain fields: amount=U, price=F (numbers are D otherwise)");
        types.textProperty().bindBidirectional(vm.typesProperty());
        types.disableProperty().bind(tagged.selectedProperty());
        TextArea inputs = new TextArea();
        inputs.setId("start-inputs");
        inputs.setPromptText("{\"amount\": 1.5, \"recipient\": \"…\"}");
        inputs.setPrefRowCount(8);
        inputs.textProperty().bindBidirectional(vm.textProperty());
        TextArea preview = new TextArea();
        preview.setId("start-preview");
        preview.setEditable(false);
        preview.setPrefRowCount(8);
        preview.textProperty().bind(vm.previewProperty());
        Label problem = new Label();
        problem.setId("start-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        Label note = new Label();
        note.setId("start-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(Bindings.isNotEmpty(vm.noteProperty()));
        note.managedProperty().bind(note.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.add(note, 0, 0, 2, 1);
        grid.addRow(1, new Label("Flow"), flow);
        grid.addRow(2, new Label("Inputs as"), new HBox(12, plain, tagged));
        grid.addRow(3, new Label("Types"), types);
        grid.addRow(4, new Label("Inputs"), inputs);
        grid.addRow(5, new Label("Will send"), preview);
        grid.add(problem, 0, 6, 2, 1);
        getDialogPane().getButtonTypes().setAll(START, ButtonType.CANCEL);
        getDialogPane().lookupButton(START).setId("start-button");
        if (lyzrVm == null) {
            getDialogPane().setContent(grid);
            getDialogPane().lookupButton(START).disableProperty().bind(Bindings.not(vm.validProperty()));
        } else {
            ToggleGroup kinds = new ToggleGroup();
            RadioButton so = new RadioButton("Space Operator flow");
            so.setId("start-kind-so");
            lyzr.setId("start-kind-lyzr");
            so.setToggleGroup(kinds);
            lyzr.setToggleGroup(kinds);
            so.setSelected(true);
            LyzrStartPane lyzrPane = new LyzrStartPane(lyzrVm);
            grid.visibleProperty().bind(so.selectedProperty());
            grid.managedProperty().bind(grid.visibleProperty());
            lyzrPane.visibleProperty().bind(lyzr.selectedProperty());
            lyzrPane.managedProperty().bind(lyzrPane.visibleProperty());
            HBox kindRow = new HBox(12, so, lyzr);
            kindRow.setPadding(new Insets(10, 10, 0, 10));
            grid.getChildren().remove(note); // the note (why run again has no inputs) is for both kinds
            VBox.setMargin(note, new Insets(10, 10, 0, 10));
            getDialogPane().setContent(new VBox(note, kindRow, grid, lyzrPane));
            getDialogPane().lookupButton(START).disableProperty().bind(Bindings.when(lyzr.selectedProperty())
                    .then(Bindings.not(lyzrVm.validProperty())).otherwise(Bindings.not(vm.validProperty())));
        }
        setResizable(true);
    }
}
