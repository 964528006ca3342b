package dev.runlens.ui.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.ui.connect.ConfigFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code layout.json} in Runlens's settings folder ({@link ConfigFiles#dir()}): the window's
 * remembered layout. A missing or damaged file is ignored with one line in the app log; a value
 * that makes no sense (a negative width, an unknown name) is left out and the rest still counts.
 */
public final class LayoutFile {
    static final String NAME = "layout.json";
    private final Path file;

    public LayoutFile(Path folder) {
        this.file = folder.resolve(NAME);
    }

    /** {@code $XDG_CONFIG_HOME/runlens/layout.json} (default {@code ~/.config/runlens/}). */
    public static LayoutFile inDefaultLocation() {
        return new LayoutFile(ConfigFiles.dir());
    }

    public Path path() {
        return file;
    }

    /** The saved layout, or empty (with one line for the app log) when there is none or it cannot be read. */
    public Optional<WindowLayout> read(Consumer<LogRecord> log) {
        try {
            return Optional.of(parse(Json.parse(Files.readString(file))));
        } catch (NoSuchFileException e) {
            log.accept(line(Level.INFO, "no saved window layout in " + file + "; the window opens with its default layout"));
        } catch (IOException | RuntimeException e) {
            log.accept(line(Level.WARNING, "ignored the saved window layout in " + file + ", which cannot be read (" + e.getMessage() + ")"));
        }
        return Optional.empty();
    }

    static LogRecord line(Level level, String text) {
        LogRecord r = new LogRecord(level, text);
        r.setLoggerName("dev.runlens.ui.layout");
        return r;
    }

    /** Writes {@code layout} through a temporary file, so a crash never leaves half a file. */
    public void write(WindowLayout layout) throws IOException {
        Files.createDirectories(file.getParent());
        ConfigFiles.writeAtomically(file, toJson(layout));
    }

    static WindowLayout parse(JsonNode root) throws IOException {
        if (!root.isObject()) {
            throw new IOException("not a JSON object");
        }
        WindowLayout.Bounds window = null;
        JsonNode w = root.path("window");
        if (w.path("width").isNumber() && w.path("height").isNumber() && w.path("width").asDouble() > 0
                && w.path("height").asDouble() > 0 && w.path("x").isNumber() && w.path("y").isNumber()) {
            window = new WindowLayout.Bounds(w.path("x").asDouble(), w.path("y").asDouble(), w.path("width").asDouble(),
                    w.path("height").asDouble());
        }
        Map<String, List<Double>> dividers = new LinkedHashMap<>();
        root.path("dividers").properties().forEach(e -> {
            List<Double> positions = new ArrayList<>();
            for (JsonNode p : e.getValue()) {
                if (p.isNumber() && p.asDouble() >= 0 && p.asDouble() <= 1) {
                    positions.add(p.asDouble());
                }
            }
            if (!positions.isEmpty() && positions.size() == e.getValue().size()) {
                dividers.put(e.getKey(), positions);
            }
        });
        Map<String, List<WindowLayout.Column>> tables = new LinkedHashMap<>();
        root.path("tables").properties().forEach(e -> {
            List<WindowLayout.Column> columns = new ArrayList<>();
            for (JsonNode c : e.getValue()) {
                if (c.path("key").isTextual() && c.path("width").isNumber() && c.path("width").asDouble() > 0) {
                    columns.add(new WindowLayout.Column(c.path("key").asText(), c.path("width").asDouble(), c.path("visible").asBoolean(true)));
                }
            }
            if (!columns.isEmpty()) {
                tables.put(e.getKey(), columns);
            }
        });
        String theme = text(root, "theme");
        double zoom = root.path("zoom").isNumber() && root.path("zoom").asDouble() > 0 ? root.path("zoom").asDouble() : 0;
        return new WindowLayout(window, root.path("maximized").asBoolean(false), dividers,
                "light".equals(theme) || "dark".equals(theme) ? theme : null, text(root, "time_zone"), zoom, tables);
    }

    static ObjectNode toJson(WindowLayout l) {
        ObjectNode root = Json.object();
        if (l.window() != null) {
            ObjectNode w = root.putObject("window");
            w.put("x", l.window().x());
            w.put("y", l.window().y());
            w.put("width", l.window().width());
            w.put("height", l.window().height());
        }
        root.put("maximized", l.maximized());
        ObjectNode dividers = root.putObject("dividers");
        l.dividers().forEach((id, positions) -> {
            ArrayNode a = dividers.putArray(id);
            positions.forEach(a::add);
        });
        if (l.theme() != null) {
            root.put("theme", l.theme());
        }
        if (l.timeZone() != null) {
            root.put("time_zone", l.timeZone());
        }
        if (l.zoom() > 0) {
            root.put("zoom", l.zoom());
        }
        ObjectNode tables = root.putObject("tables");
        l.tables().forEach((id, columns) -> {
            ArrayNode a = tables.putArray(id);
            for (WindowLayout.Column c : columns) {
                a.addObject().put("key", c.key()).put("width", c.width()).put("visible", c.visible());
            }
        });
        return root;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.path(field);
        return n.isTextual() ? n.asText() : null;
    }
}
