package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;

import java.util.function.Supplier;

/**
 * The timeline's context menu: "Copy node id" puts the full id of the execution under the pointer
 * (selected by the same right click) on the clipboard; the label on the bar may be a fragment of it.
 */
public final class NodeIdMenu extends ContextMenu {
    private final MenuItem copy = new MenuItem("Copy node id");
    private final Supplier<Execution> selected;

    public NodeIdMenu(TimelineView timeline, Supplier<Execution> selected) {
        this.selected = selected;
        setId("timeline-context-menu");
        copy.setId("timeline-copy-node-id");
        getItems().setAll(copy);
        copy.setOnAction(e -> copySelected());
        setOnShowing(e -> copy.setDisable(selected.get() == null || selected.get().node() == null));
        timeline.canvas().addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            timeline.clickAt(e.getX(), e.getY());
            show(timeline.canvas(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Copies the selected execution's node id; returns it (null when none is selected). */
    public String copySelected() {
        Execution e = selected.get();
        if (e == null || e.node() == null) {
            return null;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(e.node());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        return e.node();
    }
}
