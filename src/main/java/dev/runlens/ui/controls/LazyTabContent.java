package dev.runlens.ui.controls;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Puts a tab's content into the scene when the tab is first selected. A tab pane keeps every
 * tab's content in the scene, so each hidden tab's controls are skinned, styled and laid out
 * with the first frame; the window's first frame and start-up pay for views nobody looks at yet.
 * The content is built up front (its listeners work from the start); only the scene waits.
 */
public final class LazyTabContent {
    private LazyTabContent() {
    }

    public static void set(Tab tab, Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content);
                }
            }
        });
    }
}
