package dev.runlens.ui.layout;

import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.theme.Themes;
import dev.runlens.ui.timeline.TimeZoneMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's layout is saved when it closes and back when it opens again with the same settings folder. */
@ExtendWith(ApplicationExtension.class)
class RememberedLayoutUiTest {
    @TempDir
    Path config;
    private final List<LogRecord> log = new ArrayList<>();

    /** A window as Runlens opens it: the keeper restores before the first frame. */
    private Opened open() throws Exception {
        return fx(() -> {
            Stage stage = new Stage();
            Dashboard d = new Dashboard(null);
            LayoutFile file = new LayoutFile(config);
            new LayoutKeeper(file, d.layoutParts(stage), log::add).install(file.read(log::add));
            d.attach(stage, 1000, 640);
            stage.show();
            return new Opened(stage, d);
        });
    }

    private record Opened(Stage stage, Dashboard dashboard) {
        void close() throws Exception {
            fx(() -> {
                stage.close();
                dashboard.close();
            });
        }

        SplitPane split(String id) {
            return (SplitPane) dashboard.root().lookup("#" + id);
        }
    }

    @Test
    void aChangedLayoutIsBackAfterTheWindowClosesAndOpensAgain() throws Exception {
        Opened first = open();
        assertTrue(log.stream().anyMatch(r -> r.getMessage().contains("no saved window layout")), "a first start says so in the log");
        fx(() -> {
            first.stage().setX(40);
            first.stage().setY(50);
            first.stage().setWidth(1200);
            first.stage().setHeight(600);
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> Math.abs(first.split("main-split").getWidth() - first.stage().getScene().getWidth()) < 1
                        && first.stage().getScene().getWidth() > 1100));
        fx(() -> {
            first.dashboard().themes().toggle();
            first.dashboard().timeline().zoneProperty().set(TimeZoneMode.RELATIVE);
            first.dashboard().zoom().in();
            TableView<?> errors = first.dashboard().errors().table();
            // "Message" first, "Run" hidden, "Kind" wider.
            move(errors, errors.getColumns().size() - 1, 0);
            column(errors, "Run").setVisible(false);
            column(errors, "Kind").setPrefWidth(180);
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            first.split("main-split").setDividerPositions(0.3, 0.65);
            first.split("centre-split").setDividerPositions(0.4);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double kindWidth = fx(() -> column(first.dashboard().errors().table(), "Kind").getWidth());
        double[] mainBefore = fx(() -> first.split("main-split").getDividerPositions());
        assertEquals(0.3, mainBefore[0], 0.02, "the pane's own limits allow this position");
        first.close();
        assertTrue(Files.isRegularFile(config.resolve(LayoutFile.NAME)), "saved on close");

        Opened second = open();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertEquals(1200, fx(() -> second.stage().getWidth()), 0.5);
            assertEquals(600, fx(() -> second.stage().getHeight()), 0.5);
            assertEquals(40, fx(() -> second.stage().getX()), 0.5, "a position on the screen is restored");
            assertEquals(50, fx(() -> second.stage().getY()), 0.5);
            double[] main = fx(() -> second.split("main-split").getDividerPositions());
            assertEquals(mainBefore[0], main[0], 0.005, Files.readString(config.resolve(LayoutFile.NAME)));
            assertEquals(mainBefore[1], main[1], 0.005);
            assertEquals(0.4, fx(() -> second.split("centre-split").getDividerPositions()[0]), 0.01);
            assertEquals(Themes.Theme.DARK, fx(() -> second.dashboard().themes().themeProperty().get()), "the chosen theme");
            assertEquals(TimeZoneMode.RELATIVE, fx(() -> second.dashboard().timeline().zoneProperty().get()));
            assertEquals(1.1, fx(() -> second.dashboard().zoom().factorProperty().get()), 1e-9);
            TableView<?> errors = second.dashboard().errors().table();
            assertEquals("Message", fx(() -> errors.getColumns().get(0).getText()), "the columns' order");
            assertFalse(fx(() -> column(errors, "Run").isVisible()), "a hidden column stays hidden");
            assertEquals(kindWidth, fx(() -> column(errors, "Kind").getPrefWidth()), 0.5, "a column's width");
            assertTrue(fx(errors::isTableMenuButtonVisible), "the column menu is how columns are hidden and shown");
        } finally {
            second.close();
        }
    }

    @Test
    void aDamagedFileIsIgnoredWithOneLineInTheLog() throws Exception {
        Files.writeString(config.resolve(LayoutFile.NAME), "{\"window\": {\"x\": 1, ");
        Opened o = open();
        try {
            List<LogRecord> warnings = log.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).getMessage().startsWith("ignored the saved window layout in " + config.resolve(LayoutFile.NAME)));
            assertEquals(1000, fx(() -> o.stage().getWidth()), 0.5, "the default size");
            assertEquals(TimeZoneMode.UTC, fx(() -> o.dashboard().timeline().zoneProperty().get()));
        } finally {
            o.close();
        }
    }

    @Test
    void aPositionOffEveryScreenIsNotRestored() throws Exception {
        Files.writeString(config.resolve(LayoutFile.NAME), """
                {"window": {"x": 9000, "y": -4000, "width": 800, "height": 500}, "zoom": 1.25, "time_zone": "LOCAL"}
                """);
        Opened o = open();
        try {
            assertEquals(800, fx(() -> o.stage().getWidth()), 0.5, "the size is still restored");
            assertNotEquals(9000, fx(() -> o.stage().getX()), 0.5);
            assertTrue(fx(() -> javafx.stage.Screen.getScreensForRectangle(o.stage().getX(), o.stage().getY(), 100, 30)).size() > 0,
                    "the window is on a screen");
            assertTrue(log.stream().anyMatch(r -> r.getMessage().contains("off every screen")), "and the log says why");
            assertEquals(TimeZoneMode.LOCAL, fx(() -> o.dashboard().timeline().zoneProperty().get()), "the rest of the file counts");
        } finally {
            o.close();
        }
    }

    private static <S> void move(TableView<S> table, int from, int to) {
        TableColumn<S, ?> c = table.getColumns().remove(from);
        table.getColumns().add(to, c);
    }

    private static TableColumn<?, ?> column(TableView<?> table, String key) {
        return table.getColumns().stream().filter(c -> LayoutKeeper.key(c).equals(key)).findFirst().orElseThrow();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }
}
