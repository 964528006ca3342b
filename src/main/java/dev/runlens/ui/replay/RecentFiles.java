package dev.runlens.ui.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.runlens.json.Json;
import dev.runlens.ui.connect.ConfigFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recently opened log files, newest first, in {@code recent-files.json} next to the recent
 * connections ({@code $XDG_CONFIG_HOME/runlens}, {@code ~/.config/runlens}, or the
 * {@code runlens.config.dir} property). Only absolute paths are kept: nothing secret.
 */
public record RecentFiles(Path file) {
    static final int MAX = 10;

    public static RecentFiles inDefaultLocation() {
        return new RecentFiles(ConfigFiles.dir().resolve("recent-files.json"));
    }

    /** The list; an unreadable or damaged file counts as empty. */
    public List<Path> load() {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonNode n : root.path("files")) {
                if (n.isTextual() && out.size() < MAX) {
                    out.add(Path.of(n.textValue()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ArrayList<>();
        }
        return out;
    }

    /** Puts {@code path} first (once) and keeps the newest {@value #MAX}. */
    public void remember(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> files = load();
        files.remove(abs);
        files.add(0, abs);
        var root = Json.object();
        ArrayNode arr = root.putArray("files");
        files.stream().limit(MAX).forEach(p -> arr.add(p.toString()));
        ConfigFiles.writeAtomically(file, root);
    }
}
