package dev.runlens.ui.app;

import javafx.scene.input.KeyCombination;

/** One keyboard action, as listed in the cheat sheet. */
record Shortcut(KeyCombination keys, String display, String description, Runnable action) {
}
