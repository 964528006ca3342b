package dev.runlens.ui.act;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks before stopping a run, naming it; an optional reason goes to the server. Cancel is the
 * default button, so Enter never stops a run. The answer is the reason ("" for none), or null.
 */
public final class StopRunDialog extends Dialog<String> {
    public static final ButtonType STOP = new ButtonType("Stop run", ButtonBar.ButtonData.OK_DONE);

    public StopRunDialog(Window owner, String runName, String runId) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Stop run");
        setHeaderText("Stop run " + runName + "?");
        getDialogPane().setId("stop-run-dialog");
        dev.runlens.ui.theme.Themes.style(getDialogPane());
        Label what = new Label("Run " + runId + " is asked to stop; it shows \"stop requested\" until its events say it ended.");
        what.setId("stop-run-text");
        what.setWrapText(true);
        TextField reason = new TextField();
        reason.setId("stop-reason");
        reason.setPromptText("reason (optional)");
        VBox box = new VBox(8, what, reason);
        box.setPadding(new Insets(10));
        box.setPrefWidth(460);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(STOP, ButtonType.CANCEL);
        getDialogPane().lookupButton(STOP).setId("stop-confirm");
        ((Button) getDialogPane().lookupButton(STOP)).setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        setResultConverter(b -> b == STOP ? reason.getText().strip() : null);
    }
}
