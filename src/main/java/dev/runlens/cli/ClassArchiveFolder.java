package dev.runlens.cli;

import java.nio.file.Path;
import java.util.Map;

/** Where class-data sharing archives are kept, for the batch relaunch and the window's alike. */
public final class ClassArchiveFolder {
    private ClassArchiveFolder() {
    }

    /** {@code $XDG_CACHE_HOME/runlens/cds}, else {@code ~/.cache/runlens/cds}; null without either. */
    public static Path of(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "runlens", "cds");
        }
        return userHome == null || userHome.isBlank() ? null : Path.of(userHome, ".cache", "runlens", "cds");
    }
}
