package dev.runlens.ui.theme;

import dev.runlens.ui.app.Dashboard;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme follows the desktop's colour scheme until the operator picks one; Ctrl+= / Ctrl+- / Ctrl+0 zoom the window. */
@ExtendWith(ApplicationExtension.class)
class ThemeAndZoomUiTest {
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1100, 700);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    @Test
    void theThemeFollowsTheDesktopsSchemeAndItsChanges() throws Exception {
        Themes themes = dashboard.themes();
        SimpleObjectProperty<ColorScheme> desktop = new SimpleObjectProperty<>(ColorScheme.DARK);
        fx(() -> themes.followDesktop(desktop));
        assertEquals(Themes.Theme.DARK, themes.themeProperty().get(), "a dark desktop starts dark");
        assertTrue(fx(Application::getUserAgentStylesheet).contains("primer-dark"), "the dark sheet is the user-agent sheet");
        assertEquals(Palette.DARK, dashboard.timeline().paletteProperty().get(), "the timeline draws with the dark palette");
        fx(() -> desktop.set(ColorScheme.LIGHT));
        assertEquals(Themes.Theme.LIGHT, themes.themeProperty().get(), "the desktop turned light: so does the window");
        assertTrue(fx(Application::getUserAgentStylesheet).contains("primer-light"));
        assertEquals(Palette.LIGHT, dashboard.timeline().paletteProperty().get());
        assertNull(themes.choice(), "following the desktop is no choice of the operator's");
    }

    @Test
    void switchingThemesLogsNoStyleErrors() throws Exception {
        // JavaFX reports a style it cannot apply or reset on the "javafx.css" logger; an icon whose
        // size was bound made it log "A bound value cannot be set" on every theme switch.
        List<String> problems = new CopyOnWriteArrayList<>();
        Logger css = Logger.getLogger("javafx.css");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    problems.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        css.addHandler(handler);
        try {
            Themes themes = dashboard.themes();
            for (Themes.Theme theme : List.of(Themes.Theme.DARK, Themes.Theme.LIGHT, Themes.Theme.DARK)) {
                fx(() -> {
                    themes.choose(theme);
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertEquals(List.of(), problems, "style errors on a theme switch");
        } finally {
            css.removeHandler(handler);
        }
    }

    @Test
    void ctrlTIsAChoiceThatOutlivesTheStartButNotTheNextDesktopChange(FxRobot robot) throws Exception {
        Themes themes = dashboard.themes();
        robot.clickOn("#timeline");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Themes.Theme.DARK, themes.choice(), "Ctrl+T is the operator's choice");
        // A remembered choice wins over the desktop's scheme at start...
        SimpleObjectProperty<ColorScheme> desktop = new SimpleObjectProperty<>(ColorScheme.LIGHT);
        fx(() -> themes.followDesktop(desktop));
        assertEquals(Themes.Theme.DARK, themes.themeProperty().get());
        // ...and a later change of the desktop's is followed again.
        fx(() -> desktop.set(ColorScheme.DARK));
        fx(() -> desktop.set(ColorScheme.LIGHT));
        assertEquals(Themes.Theme.LIGHT, themes.themeProperty().get());
        assertNull(themes.choice());
        assertEquals(Themes.Theme.LIGHT, Themes.of(null), "no preference reads as light");
    }

    @Test
    void ctrlEqualsAndMinusZoomTheWholeWindowAndCtrl0Resets(FxRobot robot) throws Exception {
        double desktop = javafx.scene.text.Font.getDefault().getSize();
        ListView<?> runs = dashboard.runs().list();
        double rowBefore = fx(runs::getFixedCellSize);
        assertTrue(fx(() -> dashboard.root().getStyle()).contains(px(desktop)), "the window's text starts at the desktop's size");
        robot.clickOn("#timeline");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = dashboard.zoom().fontSize();
        assertEquals(desktop * 1.25, zoomed, 1e-9, "two steps: 110 %, 125 %");
        assertTrue(fx(() -> dashboard.root().getStyle()).contains(px(zoomed)), fx(() -> dashboard.root().getStyle()));
        assertEquals(zoomed / TextZoom.CANVAS_DESIGN_SIZE, fx(() -> dashboard.timeline().scaleProperty().get()), 1e-9,
                "the timeline's drawing grows with the text");
        assertTrue(fx(runs::getFixedCellSize) > rowBefore * 1.2, "the runs' rows grow with their text: " + fx(runs::getFixedCellSize));
        double labelFont = fx(() -> ((javafx.scene.control.Labeled) dashboard.root().lookup(".pane-title")).getFont().getSize());
        assertEquals(zoomed, labelFont, 0.01, "the panes' titles are in the window's size");

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(desktop * 1.1, dashboard.zoom().fontSize(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(desktop, dashboard.zoom().fontSize(), 1e-9, "Ctrl+0: the desktop's size again");
        assertEquals(rowBefore, fx(runs::getFixedCellSize), 0.01);
        for (int i = 0; i < 20; i++) {
            fx(() -> dashboard.zoom().in());
        }
        assertEquals(desktop * 2.5, dashboard.zoom().fontSize(), 1e-9, "zoom stops at its largest step");
    }

    @Test
    void iconsGrowAndShrinkWithTheZoom() throws Exception {
        // The timeline's Fit button is in the window from the start.
        org.kordamp.ikonli.javafx.FontIcon icon = fx(() -> (org.kordamp.ikonli.javafx.FontIcon) dashboard.root().lookupAll(".ikonli-font-icon")
                .stream().filter(javafx.scene.Node::isVisible).findFirst().orElseThrow());
        double sizeBefore = fx(icon::getIconSize);
        double heightBefore = fx(() -> icon.getBoundsInParent().getHeight());
        assertTrue(heightBefore > 0, "the icon has a box");
        fx(() -> dashboard.zoom().in());
        fx(() -> dashboard.zoom().in());
        WaitForAsyncUtils.waitForFxEvents();
        double sizeZoomed = fx(icon::getIconSize);
        double heightZoomed = fx(() -> icon.getBoundsInParent().getHeight());
        assertTrue(sizeZoomed >= sizeBefore * 1.2, "at 125 % the icon's size grows with the text: " + sizeBefore + " -> " + sizeZoomed);
        assertTrue(heightZoomed >= heightBefore * 1.15, "and so does its box: " + heightBefore + " -> " + heightZoomed);
        fx(() -> dashboard.zoom().reset());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(sizeBefore, fx(icon::getIconSize), 0.5, "Ctrl+0: the icon's size of before");
        assertEquals(Math.round(dashboard.zoom().fontSize() * 18 / 14), sizeBefore, 1e-9, "icons are Primer's 18 px beside 14 px text");
    }

    private static String px(double size) {
        return String.format(java.util.Locale.ROOT, "%.2fpx", size);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }
}
