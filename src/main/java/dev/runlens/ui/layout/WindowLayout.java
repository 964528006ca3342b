package dev.runlens.ui.layout;

import java.util.List;
import java.util.Map;

/**
 * What the window remembers between starts. Every part may be missing (null or empty): a file
 * written by an older version, or damaged in one place, still restores the rest.
 *
 * @param window    position and size when not maximized, or null
 * @param maximized whether the window filled the screen
 * @param dividers  each split pane's divider positions, by the pane's id
 * @param theme     the operator's choice ("light", "dark"), or null to follow the desktop
 * @param timeZone  the timeline's time zone mode (a {@code TimeZoneMode} name), or null
 * @param zoom      the text zoom factor, or 0 for none remembered
 * @param tables    each table's columns in their order, by the table's id
 */
public record WindowLayout(Bounds window, boolean maximized, Map<String, List<Double>> dividers, String theme, String timeZone,
                           double zoom, Map<String, List<Column>> tables) {
    public WindowLayout {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    /** A window's place on the desktop, in screen coordinates. */
    public record Bounds(double x, double y, double width, double height) {
    }

    /** One table column: its key (id, or header text), width and whether it is shown. */
    public record Column(String key, double width, boolean visible) {
    }
}
