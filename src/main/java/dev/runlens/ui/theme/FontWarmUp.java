package dev.runlens.ui.theme;

import javafx.scene.text.Font;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Loads the window's fonts on a thread of its own while the FX thread sets the theme and builds the
 * window: the desktop's default font (fontconfig's first use) and Ikonli's Feather font (its
 * resolver's service lookup and the font file). Nodes may be made off the FX thread while they are
 * in no scene; this one is dropped, the fonts stay loaded. The FX thread finds them loaded, or loads
 * them itself if it gets there first (decision 0084).
 */
public final class FontWarmUp {
    private FontWarmUp() {
    }

    public static void startInBackground() {
        Thread.ofPlatform().daemon().name("runlens-fonts").start(() -> {
            Font.getDefault();
            new FontIcon(Feather.MAXIMIZE_2);
        });
    }
}
