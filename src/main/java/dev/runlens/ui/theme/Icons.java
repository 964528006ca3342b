package dev.runlens.ui.theme;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * Icons from Ikonli's Feather pack (decision 0045): drawn from a font that travels inside the jar,
 * so they never show as empty boxes on a desktop that lacks a symbol font. Their colour comes from
 * the style sheets ({@code .ikonli-font-icon}), so it follows the theme; their size follows the
 * window's text size and zoom ({@link TextZoom}, decision 0059).
 */
public final class Icons {
    /** Icon size over text size: Primer's 18 px icons beside its 14 px text. */
    static final double TEXT_RATIO = 18.0 / 14;
    /**
     * The icons' size in pixels. One for the application: every window, menu and dialog zooms with the
     * main window. A CSS size in em cannot do it: an icon's font is its size, so em would count from it.
     */
    private static final IntegerProperty SIZE = new SimpleIntegerProperty(sizeFor(TextZoom.CANVAS_DESIGN_SIZE));

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new ZoomedIcon(ikon);
        icon.getStyleClass().add("runlens-icon");
        // The binding holds the icon weakly, so icons of closed dialogs are not kept.
        icon.iconSizeProperty().bind(SIZE);
        return icon;
    }

    /**
     * An icon whose size is not styleable: the theme's fixed -fx-icon-size would not apply to a bound
     * size anyway, and JavaFX logged "A bound value cannot be set" on every theme switch trying.
     */
    private static final class ZoomedIcon extends FontIcon {
        private static final List<CssMetaData<? extends Styleable, ?>> STYLEABLE = FontIcon.getClassCssMetaData().stream()
                .filter(m -> !"-fx-icon-size".equals(m.getProperty()))
                .toList();

        ZoomedIcon(Ikon ikon) {
            super(ikon);
        }

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return STYLEABLE;
        }
    }

    /** The window's text is now {@code textPx} pixels: icons follow. */
    static void textSize(double textPx) {
        SIZE.set(sizeFor(textPx));
    }

    static int sizeFor(double textPx) {
        return (int) Math.round(textPx * TEXT_RATIO);
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
