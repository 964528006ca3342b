package dev.runlens.ui.controls;

import javafx.scene.Node;
import javafx.util.Subscription;

/**
 * Puts a hidden part into the scene the first time it is made visible. A node in the scene is styled,
 * skinned and laid out with the window even while it is invisible: the inspector's input form, the
 * payload's tool bar and the replay's transport bar were a fifth of the first frame's nodes, and
 * none of them shows in it (decision 0083).
 */
public final class JoinWhenShown {
    private JoinWhenShown() {
    }

    /** Runs {@code join} (which adds {@code part} to its parent) once, when {@code part} first becomes visible. */
    public static void join(Node part, Runnable join) {
        Subscription[] once = new Subscription[1];
        once[0] = part.visibleProperty().subscribe(visible -> {
            if (visible && once[0] != null) {
                once[0].unsubscribe();
                once[0] = null;
                join.run();
            }
        });
        if (part.isVisible() && once[0] != null) {
            // Visible already: subscribe ran before once[0] was set.
            once[0].unsubscribe();
            join.run();
        }
    }
}
