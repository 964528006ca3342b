package dev.runlens.ui.replay;

import dev.runlens.ui.app.Dashboard;
import javafx.scene.Node;

/** The transport bar's controls, found by their ids as the window's user would meet them. */
final class TransportControls {
    private TransportControls() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Node> T of(Dashboard dashboard, String id) {
        return (T) dashboard.replay().transportBar().lookup("#" + id);
    }
}
