package dev.runlens.ui.connect;

import dev.runlens.log.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where Runlens keeps its small settings files, and how they are written without tearing. */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** {@code $XDG_CONFIG_HOME/runlens} or {@code ~/.config/runlens}; {@code runlens.config.dir} overrides. */
    public static Path dir() {
        String override = System.getProperty("runlens.config.dir");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config"))
                .resolve("runlens");
    }

    /** Writes {@code root} pretty-printed through a temporary file, so a crash never leaves half a file. */
    public static void writeAtomically(Path file, JsonNode root) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        PrivateFiles.writeString(tmp, Json.pretty(root) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
