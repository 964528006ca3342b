package dev.runlens.ui.controls;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.input.ContextMenuEvent;

import java.util.function.Supplier;

/**
 * Gives a control its context menu when the operator first asks for it (right button, the menu
 * key). A {@link ContextMenu} is a popup window with a scene of its own, built for nothing when the
 * menu is never opened (decision 0083). The control shows the menu as if it had always had it: the
 * menu is set in an event filter, before the control's own handler looks for it.
 */
public final class LazyContextMenu {
    private LazyContextMenu() {
    }

    public static void set(Control control, Supplier<? extends ContextMenu> menu) {
        control.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (control.getContextMenu() == null) {
                control.setContextMenu(menu.get());
            }
        });
    }
}
