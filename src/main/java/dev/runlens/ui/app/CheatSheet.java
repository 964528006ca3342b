package dev.runlens.ui.app;

import dev.runlens.ui.controls.Action;
import dev.runlens.ui.theme.Themes;
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
        List<Action> listed = actions.stream().filter(a -> a.keyText() != null).toList();
        // Two columns of key and description: one would run off a laptop's screen.
        int half = (listed.size() + 1) / 2;
        for (int i = 0; i < listed.size(); i++) {
            Label key = new Label(listed.get(i).keyText());
            key.getStyleClass().add("key");
            Label label = new Label(listed.get(i).label());
            GridPane.setMargin(key, new Insets(0, 0, 0, i < half ? 0 : 24));
            grid.add(key, i < half ? 0 : 2, i % half);
            grid.add(label, i < half ? 1 : 3, i % half);
        }
        d.getDialogPane().setContent(grid);
        Themes.style(d.getDialogPane());
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId("cheat-sheet");
        return d;
    }
}
