package dev.runlens.ui.controls;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCombination;

/**
 * One thing the operator can do in the window, described once: where it sits in the menu, its
 * key, how the cheat sheet lists it, what it does and when it can be done. The window's menu bar,
 * its key handling and its cheat sheet are all built from one list of these.
 *
 * @param id       stable name (tests, future key maps)
 * @param place    where the menu shows it; {@link Place#NONE} for keys only
 * @param label    the menu text and the cheat sheet's description
 * @param keys     the key that runs it, or null (a menu item only, or keys a view handles itself)
 * @param keyText  how the cheat sheet writes the key, or null to leave it out of the sheet
 * @param handler  what it does; null for a line of the cheat sheet about keys a view handles
 * @param enabled  when it can be done (the menu item greys out, the key does nothing)
 */
public record Action(String id, Place place, String label, KeyCombination keys, String keyText, Runnable handler,
                     ObservableBooleanValue enabled) {
    private static final ObservableBooleanValue ALWAYS = new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();

    /** The menus, and the groups within them (a separator between two groups of one menu). */
    public enum Place {
        FILE_CONNECT("_File"), FILE_SAVE("_File"), FILE_APP("_File"), VIEW("_View"), GO("_Go"), RUN("_Run"), HELP("_Help"), NONE(null);

        private final String menu;

        Place(String menu) {
            this.menu = menu;
        }

        /** The menu's title (with its mnemonic), or null for no menu. */
        public String menu() {
            return menu;
        }
    }

    public Action {
        enabled = enabled == null ? ALWAYS : enabled;
    }

    /** An action that is always enabled. */
    public static Action of(String id, Place place, String label, KeyCombination keys, String keyText, Runnable handler) {
        return new Action(id, place, label, keys, keyText, handler, ALWAYS);
    }

    /** A cheat sheet line about keys a view handles itself. */
    public static Action keysOnly(String id, String keyText, String label) {
        return new Action(id, Place.NONE, label, null, keyText, null, ALWAYS);
    }

    /** The same action, enabled only while {@code when} holds. */
    public Action enabledWhen(ObservableBooleanValue when) {
        return new Action(id, place, label, keys, keyText, handler, when);
    }

    /** Keys with Ctrl, Alt or Meta can be menu accelerators; a plain key must not fire while the operator types. */
    public boolean plainKey() {
        return keys != null && keys.getControl() == KeyCombination.ModifierValue.UP
                && keys.getAlt() == KeyCombination.ModifierValue.UP && keys.getMeta() == KeyCombination.ModifierValue.UP
                && keys.getShortcut() == KeyCombination.ModifierValue.UP;
    }

    /** Runs the handler if there is one and the action is enabled; true if it ran. */
    public boolean run() {
        if (handler == null || !enabled.get()) {
            return false;
        }
        handler.run();
        return true;
    }
}
