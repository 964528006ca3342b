package dev.runlens.ui.theme;

import javafx.scene.paint.Color;

/**
 * Colours the Canvas needs (CSS does not reach a Canvas), per theme: the background, text and
 * border colours of AtlantaFX's Primer light and dark, so the timeline sits in the window like a
 * panel of the theme. The status bars keep {@link StatusStyle}'s colours in both.
 */
public record Palette(Color background, Color rowAlt, Color grid, Color text, Color mutedText, Color nowLine,
                      Color selection, Color hover) {
    public static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#d0d7de"),
            Color.web("#24292f"), Color.web("#57606a"), Color.web("#7b3fe4"), Color.web("#111111"), Color.web("#00000022"));
    public static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"),
            Color.web("#c9d1d9"), Color.web("#8b949e"), Color.web("#b48cff"), Color.web("#ffffff"), Color.web("#ffffff22"));
}
