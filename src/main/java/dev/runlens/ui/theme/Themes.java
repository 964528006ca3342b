package dev.runlens.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The window's theme: AtlantaFX's Primer light or dark as the application's user-agent style sheet
 * (so every window, dialog, menu and tooltip follows it; decision 0044), with {@code runlens.css} on
 * top for Runlens's own parts. The theme follows the desktop's light/dark preference until the
 * operator picks one ({@link #toggle}); a later change of the desktop's preference is followed again.
 */
public final class Themes {
    public enum Theme { LIGHT, DARK }

    private static final String COMMON = Objects.requireNonNull(Themes.class.getResource("runlens.css"), "runlens.css").toExternalForm();

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /** The operator's own choice, or null while the theme follows the desktop. */
    private final ObjectProperty<Theme> choice = new SimpleObjectProperty<>();

    /** The theme a desktop colour scheme asks for (no preference reads as light, JavaFX's default). */
    public static Theme of(ColorScheme scheme) {
        return scheme == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT;
    }

    /** Puts the theme on {@code scene} (and every other window) now and at every change. */
    public void install(Scene scene) {
        theme.subscribe(t -> apply(scene, t));
    }

    /**
     * Follows {@code scheme} (the desktop's, {@code Platform.getPreferences().colorSchemeProperty()}):
     * now, unless the operator chose a theme, and at every change of the desktop's preference.
     */
    public void followDesktop(ObservableValue<ColorScheme> scheme) {
        if (choice.get() == null) {
            theme.set(of(scheme.getValue()));
        }
        scheme.subscribe((before, now) -> {
            choice.set(null);
            theme.set(of(now));
        });
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The operator's choice, or null when the theme follows the desktop. */
    public Theme choice() {
        return choice.get();
    }

    /** Uses {@code t} (a remembered choice) whatever the desktop prefers; null follows the desktop again. */
    public void choose(Theme t) {
        choice.set(t);
        if (t != null) {
            theme.set(t);
        }
    }

    /** Ctrl+T: the other theme, as the operator's choice. */
    public void toggle() {
        choose(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    /** The colours the timeline's Canvas draws with in the current theme. */
    public Palette palette() {
        return theme.get() == Theme.DARK ? Palette.DARK : Palette.LIGHT;
    }

    /**
     * Gives a dialog's or popup's content Runlens's own style sheet: the user-agent sheet already
     * reaches every window, ours is per scene or parent.
     */
    public static void style(Parent content) {
        if (!content.getStylesheets().contains(COMMON)) {
            content.getStylesheets().add(COMMON);
        }
    }

    /** The style sheets a Runlens window carries over the theme. */
    static List<String> sceneSheets() {
        return List.of(COMMON);
    }

    /**
     * The theme a window starts with: the operator's remembered choice ({@code "light"} or
     * {@code "dark"}, as the saved layout holds it), else the desktop's scheme.
     */
    public static Theme atStart(String remembered, ColorScheme desktop) {
        return Arrays.stream(Theme.values()).filter(t -> t.name().equalsIgnoreCase(remembered)).findFirst().orElseGet(() -> of(desktop));
    }

    /**
     * Makes {@code t}'s sheet the user-agent sheet before the window builds its first control. The
     * first control class to initialize otherwise loads Modena, JavaFX's default, which the theme then
     * replaces: one style sheet parsed at start-up for nothing.
     */
    public static void useAtStart(Theme t) {
        useSheet(t);
    }

    private static void useSheet(Theme t) {
        // The binary form: parsed faster than the CSS text at start-up.
        String sheet = t == Theme.DARK ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
    }

    private static void apply(Scene scene, Theme t) {
        useSheet(t);
        List<String> sheets = sceneSheets();
        if (!scene.getStylesheets().equals(sheets)) {
            scene.getStylesheets().setAll(sheets);
        }
    }
}
