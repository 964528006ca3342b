package dev.runlens.ui.app;

import dev.runlens.ui.controls.Action;
import dev.runlens.ui.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The menu bar, built from the window's actions: one item per action with a place, in list order. */
final class ActionMenus {
    /** The menu items' icons, by action id; an action not listed has none. */
    static final Map<String, Ikon> ICONS = Map.ofEntries(
            Map.entry("connect", Feather.LINK), Map.entry("open-log", Feather.FOLDER), Map.entry("save-run", Feather.SAVE),
            Map.entry("save-all", Feather.SAVE), Map.entry("save-run-masked", Feather.SHIELD), Map.entry("export-summary", Feather.DOWNLOAD),
            Map.entry("export-csv", Feather.DOWNLOAD), Map.entry("export-png", Feather.IMAGE), Map.entry("flow-export", Feather.FILE_TEXT),
            Map.entry("quit", Feather.LOG_OUT), Map.entry("fit-timeline", Feather.MAXIMIZE_2), Map.entry("time-axis", Feather.CLOCK),
            Map.entry("follow-log", Feather.ARROW_DOWN_CIRCLE), Map.entry("reveal-secrets", Feather.EYE), Map.entry("theme", Feather.MOON),
            Map.entry("zoom-in", Feather.ZOOM_IN), Map.entry("zoom-out", Feather.ZOOM_OUT), Map.entry("zoom-reset", Feather.MAXIMIZE),
            Map.entry("next-error", Feather.ALERT_TRIANGLE), Map.entry("previous-error", Feather.ALERT_TRIANGLE),
            Map.entry("previous-run", Feather.ARROW_UP), Map.entry("next-run", Feather.ARROW_DOWN), Map.entry("start-flow", Feather.PLAY),
            Map.entry("stop-run", Feather.SQUARE), Map.entry("run-again", Feather.REFRESH_CW), Map.entry("answer-input", Feather.EDIT_3),
            Map.entry("cheat-sheet", Feather.HELP_CIRCLE));

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
        Ikon icon = ICONS.get(a.id());
        if (icon != null) {
            m.setGraphic(Icons.of(icon));
        }
        if (a.keys() != null && !a.plainKey()) {
            m.setAccelerator(a.keys());
        }
        m.disableProperty().bind(Bindings.not(a.enabled()));
        m.setOnAction(e -> a.run());
        return m;
    }
}
