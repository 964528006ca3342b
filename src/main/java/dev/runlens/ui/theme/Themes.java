package dev.runlens.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import java.util.Objects;

/** Light and dark themes: Modena plus one stylesheet each, switched on the scene. */
public final class Themes {
    public enum Theme { LIGHT, DARK }

    private static final String COMMON = css("runlens.css");
    private static final String LIGHT = css("light.css");
    private static final String DARK = css("dark.css");
    /**
     * ControlsFX adds its notification style sheet to the owner's scene when the first notification
     * shows, which restyles the whole window in that frame. Installed from the start, it is already
     * there; ours come after it, so they can override it.
     */
    private static final String NOTIFICATIONS = Objects.requireNonNull(
            org.controlsfx.control.Notifications.class.getResource("notificationpopup.css"), "notificationpopup.css").toExternalForm();

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public void install(Scene scene) {
        theme.subscribe(t -> apply(scene, t));  // now, and at every change
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggle() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    private static void apply(Scene scene, Theme t) {
        scene.getStylesheets().setAll(NOTIFICATIONS, COMMON, t == Theme.DARK ? DARK : LIGHT);
    }

    private static String css(String name) {
        return Objects.requireNonNull(Themes.class.getResource(name), name).toExternalForm();
    }
}
