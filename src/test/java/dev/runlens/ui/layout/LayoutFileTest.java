package dev.runlens.ui.layout;

import dev.runlens.json.Json;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        WindowLayout layout = new WindowLayout(new WindowLayout.Bounds(10, 20, 800, 600), false,
                Map.of("main-split", List.of(0.2, 0.7)), "dark", "LOCAL", 1.25,
                Map.of("errors-table", List.of(new WindowLayout.Column("Message", 300, true), new WindowLayout.Column("Run", 90, false))));
        LayoutFile file = new LayoutFile(dir.resolve("not-yet"));
        file.write(layout);
        List<LogRecord> log = new ArrayList<>();
        assertEquals(layout, file.read(log::add).orElseThrow());
        assertTrue(log.isEmpty());
    }

    @Test
    void nonsenseInOnePartLeavesThatPartOutAndKeepsTheRest() throws Exception {
        WindowLayout l = LayoutFile.parse(Json.parse("""
                {"window": {"x": 0, "y": 0, "width": -5, "height": 500}, "maximized": true,
                 "dividers": {"main-split": [0.2, 7], "centre-split": [0.5]}, "theme": "purple", "time_zone": 3, "zoom": "big",
                 "tables": {"event-log": [{"key": "Kind", "width": 100}, {"key": 4}, "x"]}}
                """));
        assertNull(l.window(), "a negative width");
        assertTrue(l.maximized());
        assertEquals(Map.of("centre-split", List.of(0.5)), l.dividers(), "a divider past the pane's end spoils its pane only");
        assertNull(l.theme(), "an unknown theme follows the desktop");
        assertNull(l.timeZone());
        assertEquals(0, l.zoom());
        assertEquals(List.of(new WindowLayout.Column("Kind", 100, true)), l.tables().get("event-log"));
    }

    @Test
    void aFileThatIsNotAnObjectIsIgnoredWithOneLine() throws Exception {
        Files.writeString(dir.resolve(LayoutFile.NAME), "[1, 2]");
        List<LogRecord> log = new ArrayList<>();
        assertTrue(new LayoutFile(dir).read(log::add).isEmpty());
        assertEquals(1, log.size());
        assertTrue(log.get(0).getMessage().contains("not a JSON object"), log.get(0).getMessage());
    }

    @Test
    void aWindowCountsAsOnAScreenOnlyWhenItsTitleBarCanBeReached() {
        List<Rectangle2D> screens = List.of(new Rectangle2D(0, 0, 1920, 1080), new Rectangle2D(1920, 0, 1280, 1024));
        assertTrue(LayoutKeeper.onAScreen(new WindowLayout.Bounds(100, 100, 800, 600), screens));
        assertTrue(LayoutKeeper.onAScreen(new WindowLayout.Bounds(2500, 900, 800, 600), screens), "on the second screen");
        assertFalse(LayoutKeeper.onAScreen(new WindowLayout.Bounds(3300, 100, 800, 600), screens), "right of both");
        assertFalse(LayoutKeeper.onAScreen(new WindowLayout.Bounds(100, -500, 800, 600), screens), "title bar above the top");
        assertFalse(LayoutKeeper.onAScreen(new WindowLayout.Bounds(-750, 100, 800, 600), screens), "only 50 px showing");
        assertFalse(LayoutKeeper.onAScreen(new WindowLayout.Bounds(100, 100, 800, 600), List.of()), "no screen at all");
    }
}
