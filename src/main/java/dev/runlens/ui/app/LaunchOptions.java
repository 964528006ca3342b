package dev.runlens.ui.app;

import dev.runlens.otlp.OtlpEndpoint;
import dev.runlens.ui.connect.ConnectionSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * How the window starts: the built-in demo (no settings), or watching one connection; plus
 * files to open, and the {@code watch} options ({@code otlp}: where live runs go as traces, or null;
 * {@code start}: what {@code start --watch} leaves to the window, or null). Handed to the Application through a static slot,
 * since {@code Application.launch} takes only strings.
 */
public record LaunchOptions(ConnectionSettings watch, List<Path> files, boolean exitWhenFinished, Path statsOut,
                            Path recordTo, OtlpEndpoint otlp, PendingStart start) {
    public LaunchOptions {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Without traces. */
    public LaunchOptions(ConnectionSettings watch, List<Path> files, boolean exitWhenFinished, Path statsOut, Path recordTo) {
        this(watch, files, exitWhenFinished, statsOut, recordTo, null, null);
    }

    public static LaunchOptions demo() {
        return new LaunchOptions(null, List.of(), false, null, null);
    }

    public boolean demoMode() {
        return watch == null && files.isEmpty() && start == null;
    }
}
