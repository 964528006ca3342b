package dev.runlens.ui.bridge;

import javafx.application.Platform;

/**
 * The one place that posts work to the FX thread outside the pulse: the end of a background task
 * (a file indexed, a payload read, the demo's simulator up). Events never come this way; they go
 * through {@link FrameBridge}, drained once per pulse.
 */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code r} on the FX thread later; returns at once. */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }
}
