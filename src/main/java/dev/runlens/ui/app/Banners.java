package dev.runlens.ui.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** The one banner under the menu: the demo is up, a run waits for input, a stop was requested. */
final class Banners {
    private static final String ID = "demo-banner";

    private Banners() {
    }

    static void show(Pane top, String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("banner-title");
        t.setMinWidth(Region.USE_PREF_SIZE);
        Label l = new Label(text);
        l.setWrapText(true);
        HBox banner = new HBox(10, t, l);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("banner");
        banner.setId(ID);
        banner.setPadding(new Insets(6, 10, 6, 10));
        // One banner at a time: a newer one (the demo is up, or could not start) replaces the last.
        top.getChildren().removeIf(n -> ID.equals(n.getId()));
        top.getChildren().add(banner);
    }

    static void clear(Pane top, String title) {
        top.getChildren().removeIf(n -> ID.equals(n.getId()) && n instanceof HBox box
                && box.getChildren().get(0) instanceof Label t && title.equals(t.getText()));
    }
}
