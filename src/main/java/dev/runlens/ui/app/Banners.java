package dev.runlens.ui.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The banner under the menu: the demo is up, a run waits for input, a stop was requested. One shows
 * at a time, the newest; when it no longer holds, the one it covered comes back (the demo's banner
 * must not vanish because a demo run waited for input for a moment).
 */
final class Banners {
    private static final String ID = "demo-banner";
    private final Pane top;
    private final Map<String, String> standing = new LinkedHashMap<>();

    Banners(Pane top) {
        this.top = top;
    }

    void show(String title, String text) {
        standing.remove(title);
        standing.put(title, text);
        showNewest();
    }

    void clear(String title) {
        if (standing.remove(title) != null) {
            showNewest();
        }
    }

    private void showNewest() {
        top.getChildren().removeIf(n -> ID.equals(n.getId()));
        String title = null;
        for (String t : standing.keySet()) {
            title = t;
        }
        if (title == null) {
            return;
        }
        Label t = new Label(title);
        t.getStyleClass().add("banner-title");
        t.setMinWidth(Region.USE_PREF_SIZE);
        Label l = new Label(standing.get(title));
        l.setWrapText(true);
        HBox banner = new HBox(10, t, l);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("banner");
        banner.setId(ID);
        banner.setPadding(new Insets(6, 10, 6, 10));
        top.getChildren().add(banner);
    }
}
