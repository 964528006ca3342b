package dev.runlens.ui.app;

import dev.runlens.ui.connect.ConnectionSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * How the window starts: the built-in demo (no settings), or watching one connection; plus
 * files to open, and the {@code watch} options. Handed to the Application through a static slot,
 * since {@code Application.launch} takes only strings.
 */
public record LaunchOptions(ConnectionSettings watch, List<Path> files, boolean exitWhenFinished, Path statsOut,
                            Path recordTo) {
    public LaunchOptions {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static LaunchOptions demo() {
        return new LaunchOptions(null, List.of(), false, null, null);
    }

    public boolean demoMode() {
        return watch == null && files.isEmpty();
    }
}
