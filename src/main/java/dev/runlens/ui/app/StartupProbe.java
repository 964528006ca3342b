package dev.runlens.ui.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * For the start-up benchmark ({@code -Drunlens.startupProbe=FILE}): writes the milliseconds from
 * process start to the first painted frame, then closes the application. The second pulse after
 * the window is shown is the first one that runs after a frame was painted.
 */
final class StartupProbe extends AnimationTimer {
    static final String PROPERTY = "runlens.startupProbe";
    private final Path file;
    private int pulses;

    private StartupProbe(Path file) {
        this.file = file;
    }

    /** Starts the probe when the property is set; call right after the stage is shown. */
    static void installIfRequested() {
        String target = System.getProperty(PROPERTY);
        if (target != null && !target.isBlank()) {
            new StartupProbe(Path.of(target)).start();
        }
    }

    @Override
    public void handle(long now) {
        if (++pulses < 2) {
            return;
        }
        stop();
        // From the process's start, as the user sees it (the launcher's exec included).
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        long ms = Duration.between(started, Instant.now()).toMillis();
        try {
            Files.writeString(file, ms + "\n");
        } catch (IOException e) {
            System.err.println("runlens: could not write the start-up probe to " + file + ": " + e.getMessage());
        }
        Platform.exit();
    }
}
