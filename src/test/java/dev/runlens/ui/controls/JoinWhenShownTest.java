package dev.runlens.ui.controls;

import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A hidden part joins its parent when it is first made visible, once, whatever happens after. */
class JoinWhenShownTest {

    @Test
    void aHiddenPartJoinsWhenFirstShownAndOnlyOnce() {
        VBox parent = new VBox(new Pane(), new Pane());
        Pane part = new Pane();
        part.setVisible(false);
        JoinWhenShown.join(part, () -> parent.getChildren().add(1, part));
        assertFalse(parent.getChildren().contains(part), "hidden: not in the scene");
        part.setVisible(true);
        assertSame(part, parent.getChildren().get(1), "shown: joined where it belongs");
        part.setVisible(false);
        part.setVisible(true);
        assertEquals(3, parent.getChildren().size(), "joined once");
    }

    @Test
    void aPartVisibleAlreadyJoinsAtOnce() {
        VBox parent = new VBox();
        Pane part = new Pane();
        JoinWhenShown.join(part, () -> parent.getChildren().add(part));
        assertEquals(1, parent.getChildren().size());
        part.setVisible(false);
        part.setVisible(true);
        assertEquals(1, parent.getChildren().size(), "joined once");
    }
}
