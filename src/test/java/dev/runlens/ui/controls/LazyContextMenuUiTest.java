package dev.runlens.ui.controls;

import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A control's context menu is made when it is first asked for, and shown by that same request. */
@ExtendWith(ApplicationExtension.class)
class LazyContextMenuUiTest {
    private final AtomicInteger made = new AtomicInteger();
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("run-1");
        label.setId("lazy-menu-owner");
        LazyContextMenu.set(label, () -> {
            made.incrementAndGet();
            ContextMenu menu = new ContextMenu(new MenuItem("Stop run…"));
            menu.setId("lazy-menu");
            return menu;
        });
        label.relocate(100, 100);
        stage.setScene(new Scene(new Pane(label), 400, 300));
        stage.show();
    }

    @Test
    void theMenuIsMadeAndShownOnTheFirstRequestAndKeptAfter(FxRobot robot) throws Exception {
        assertNull(WaitForAsyncUtils.asyncFx(label::getContextMenu).get(), "no menu before it is asked for");
        robot.rightClickOn("#lazy-menu-owner");
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = WaitForAsyncUtils.asyncFx(label::getContextMenu).get();
        assertNotNull(menu, "the right click made the menu");
        assertTrue(WaitForAsyncUtils.asyncFx(menu::isShowing).get(), "and the same click showed it");
        robot.interact(menu::hide);
        robot.rightClickOn("#lazy-menu-owner");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(menu, WaitForAsyncUtils.asyncFx(label::getContextMenu).get());
        assertEquals(1, made.get(), "made once");
        robot.interact(menu::hide);
    }
}
