package dev.runlens.ui.app;

import javafx.animation.AnimationTimer;

/**
 * Runs something on the FX thread once the window has had its first pulses: the first styles and
 * lays out the whole window, the second waits while the render thread paints it. Work that loads
 * many classes or keeps the cores busy (the demo's simulator, a live connection's first burst)
 * starts after that, so the operator sees the window first and its first frames are not slowed.
 */
final class AfterFirstFrames {
    static final int PULSES = 2;

    private AfterFirstFrames() {
    }

    static void run(Runnable r) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= PULSES) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }
}
