package dev.runlens.ui.controls;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A control's tooltip is made when the pointer first enters it; its text is the accessible help from the start. */
@ExtendWith(ApplicationExtension.class)
class LazyTooltipUiTest {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("Fit");
        LazyTooltip.set(button, "Fit the whole run (F)");
        // In a corner, away from where the pointer may be when the window opens (its origin or centre).
        button.relocate(330, 260);
        stage.setScene(new Scene(new Pane(button), 400, 300));
        stage.show();
    }

    @Test
    void theTooltipIsMadeWhenThePointerFirstEnters(FxRobot robot) throws Exception {
        assertNull(WaitForAsyncUtils.asyncFx(button::getTooltip).get(), "no tooltip before the pointer comes");
        assertEquals("Fit the whole run (F)", WaitForAsyncUtils.asyncFx(button::getAccessibleHelp).get());
        robot.moveTo(button);
        WaitForAsyncUtils.waitForFxEvents();
        var tooltip = WaitForAsyncUtils.asyncFx(button::getTooltip).get();
        assertNotNull(tooltip, "the pointer entered: the tooltip is there");
        assertEquals("Fit the whole run (F)", tooltip.getText());
        robot.moveTo(button.getScene().getRoot(), javafx.geometry.Pos.TOP_LEFT, new javafx.geometry.Point2D(5, 5), org.testfx.robot.Motion.DIRECT);
        robot.moveTo(button);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(tooltip, WaitForAsyncUtils.asyncFx(button::getTooltip).get(), "made once");
    }
}
