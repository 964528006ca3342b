package dev.runlens.ui.controls;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Gives a control its tooltip when the pointer first enters it. Each {@link Tooltip} is a popup
 * window with a scene of its own: those the window built with its controls were a tenth of the
 * FX thread's work before the first frame (decision 0058). The text is the control's
 * accessible help from the start, as a tooltip's would be.
 */
public final class LazyTooltip {
    private LazyTooltip() {
    }

    public static void set(Control control, String text) {
        control.setAccessibleHelp(text);
        onFirstEntry(control, () -> new Tooltip(text));
    }

    /** A tooltip whose text {@code text} gives each time it shows (a list cell's row, as it is then). */
    public static void showing(Control control, java.util.function.Supplier<String> text) {
        onFirstEntry(control, () -> {
            Tooltip tip = new Tooltip();
            tip.setOnShowing(e -> tip.setText(text.get()));
            return tip;
        });
    }

    private static void onFirstEntry(Control control, java.util.function.Supplier<Tooltip> tooltip) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(tooltip.get());
                }
            }
        });
    }
}
