package dev.runlens.ui.theme;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Icons from Ikonli's Feather pack (decision 0045): drawn from a font that travels inside the jar,
 * so they never show as empty boxes on a desktop that lacks a symbol font. Their colour and size
 * come from the style sheets ({@code .ikonli-font-icon}), so they follow the theme and the zoom.
 */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("runlens-icon");
        return icon;
    }

    /** Puts {@code ikon} on {@code button}; with {@code iconOnly} the text stays for screen readers, not on screen. */
    public static <B extends ButtonBase> B on(B button, Ikon ikon, boolean iconOnly) {
        button.setGraphic(of(ikon));
        if (iconOnly) {
            button.setAccessibleText(button.getText());
            button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }
        return button;
    }
}
