package dev.runlens.ui.app;

import dev.runlens.ui.controls.Action;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

import java.util.List;

/** The window's keys, from its actions; {@code ?} opens the cheat sheet. */
final class KeyShortcuts {
    private KeyShortcuts() {
    }

    static void install(Scene scene, List<Action> actions, Runnable cheatSheet) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(e, scene, actions));
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                cheatSheet.run();
                e.consume();
            }
        });
    }

    /** Keys without modifiers do nothing while the operator types in a text field. */
    private static void onKey(KeyEvent e, Scene scene, List<Action> actions) {
        boolean typing = scene.getFocusOwner() instanceof TextInputControl;
        for (Action a : actions) {
            if (a.keys() == null || a.handler() == null || !a.keys().match(e)) {
                continue;
            }
            boolean plain = !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
            if (plain && typing) {
                return;
            }
            if (a.run()) {
                e.consume();
            }
            return;
        }
    }
}
