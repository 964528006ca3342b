package dev.runlens.ui.app;

import dev.runlens.ui.controls.Action;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/** The keyboard cheat sheet, opened with {@code ?}: every action that has a key text, in the table's order. */
final class CheatSheet {
    private CheatSheet() {
    }

    static Dialog<Void> create(Window owner, List<Action> actions) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Every action has a key");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("cheat-sheet");
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Action a : actions) {
            if (a.keyText() == null) {
                continue;
            }
            Label key = new Label(a.keyText());
            key.getStyleClass().add("key");
            grid.addRow(row++, key, new Label(a.label()));
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId("cheat-sheet");
        return d;
    }
}
