package dev.runlens.ui.app;

import dev.runlens.ui.controls.Action;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The menu bar, built from the window's actions: one item per action with a place, in list order. */
final class ActionMenus {
    private ActionMenus() {
    }

    /** {@code after} puts a submenu right after the item of the action with that id (the recent files after "open"). */
    static MenuBar menuBar(List<Action> actions, String afterId, Menu submenu) {
        Map<String, Menu> menus = new LinkedHashMap<>();
        Map<String, Action.Place> lastPlace = new LinkedHashMap<>();
        for (Action a : actions) {
            String title = a.place().menu();
            if (title == null) {
                continue;
            }
            Menu menu = menus.computeIfAbsent(title, Menu::new);
            Action.Place before = lastPlace.put(title, a.place());
            if (before != null && before != a.place()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            menu.getItems().add(item(a));
            if (a.id().equals(afterId) && submenu != null) {
                menu.getItems().add(submenu);
            }
        }
        MenuBar bar = new MenuBar(menus.values().toArray(new Menu[0]));
        bar.setId("menu-bar");
        return bar;
    }

    static MenuItem item(Action a) {
        // A plain key is shown in the text, not as an accelerator: an accelerator would also fire
        // while the operator types that letter in a text field.
        MenuItem m = new MenuItem(a.plainKey() || (a.keys() == null && a.keyText() != null) ? a.label() + " (" + a.keyText() + ")" : a.label());
        m.setId("menu-" + a.id());
        if (a.keys() != null && !a.plainKey()) {
            m.setAccelerator(a.keys());
        }
        m.disableProperty().bind(Bindings.not(a.enabled()));
        m.setOnAction(e -> a.run());
        return m;
    }
}
