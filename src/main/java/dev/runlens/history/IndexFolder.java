package dev.runlens.history;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the history index lives: {@code $XDG_CACHE_HOME/runlens/index}, else
 * {@code ~/.cache/runlens/index}. It is a cache: everything in it is rebuilt from the recordings.
 * {@code runlens.cache.dir} (system property) or {@code RUNLENS_CACHE_DIR} replaces
 * {@code .../runlens}, so tests and benchmarks never touch the user's cache.
 */
public final class IndexFolder {
    private IndexFolder() {
    }

    public static Path defaultFolder() {
        return of(System.getenv(), System.getProperty("runlens.cache.dir"), System.getProperty("user.home"));
    }

    static Path of(Map<String, String> env, String property, String userHome) {
        String override = property != null && !property.isBlank() ? property : env.get("RUNLENS_CACHE_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("index");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG spec: a relative value is invalid and is ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".cache");
        return base.resolve("runlens").resolve("index");
    }
}
