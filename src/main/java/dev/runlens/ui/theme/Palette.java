package dev.runlens.ui.theme;

import javafx.scene.paint.Color;

/** Colours the Canvas needs (CSS does not reach a Canvas), per theme. */
public record Palette(Color background, Color rowAlt, Color grid, Color text, Color mutedText, Color nowLine,
                      Color selection, Color hover) {
    public static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f5f7fa"), Color.web("#e1e5eb"),
            Color.web("#1d232b"), Color.web("#66707d"), Color.web("#7b3fe4"), Color.web("#111111"), Color.web("#00000022"));
    public static final Palette DARK = new Palette(Color.web("#1e2227"), Color.web("#242930"), Color.web("#353b44"),
            Color.web("#e6e9ee"), Color.web("#9aa3ae"), Color.web("#b48cff"), Color.web("#ffffff"), Color.web("#ffffff22"));
}
