package dev.runlens.ui.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For the start-up benchmark ({@code -Drunlens.startupProbe=FILE}): writes the milliseconds from
 * process start to the first painted frame, then closes the application. The second pulse after
 * the window is shown is the first one that runs after a frame was painted. The lines after the
 * first are the phases of the start ({@link #mark}), {@code phase ms cpu-ms}, so a slow start says
 * where its wall time went: the milliseconds since the process started, then the CPU time the thread
 * that reached the phase had used by then (the FX thread's for every phase after {@code launch}),
 * which, unlike wall time, does not grow when other processes take the cores.
 */
final class StartupProbe extends AnimationTimer {
    static final String PROPERTY = "runlens.startupProbe";
    static final String ORIGIN = "runlens.startupProbe.origin";
    private static final List<String> PHASES = new ArrayList<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static Instant processStart;
    private final Path file;
    private int pulses;

    private StartupProbe(Path file) {
        this.file = file;
    }

    /** Notes that the start reached {@code phase}, when the probe is requested; nothing otherwise. */
    static synchronized void mark(String phase) {
        if (requested() != null) {
            PHASES.add(phase + " " + sinceProcessStart() + " " + THREADS.getCurrentThreadCpuTime() / 1_000_000);
        }
    }

    /** Starts the probe when the property is set; call right after the stage is shown. */
    static void installIfRequested() {
        String target = requested();
        if (target != null) {
            mark("shown");
            new StartupProbe(Path.of(target)).start();
        }
    }

    private static String requested() {
        String target = System.getProperty(PROPERTY);
        return target == null || target.isBlank() ? null : target;
    }

    /**
     * From the process's start, as the user sees it (the launcher's exec included): the moment
     * whoever started it passed in {@value #ORIGIN} (epoch milliseconds), else the process's start
     * as the JDK reports it, which is counted from the boot time in whole seconds and so carries the
     * same 0 to 1 s offset in every start of one boot.
     */
    private static synchronized long sinceProcessStart() {
        if (processStart == null) {
            processStart = origin(System.getProperty(ORIGIN))
                    .orElseGet(() -> ProcessHandle.current().info().startInstant().orElse(Instant.now()));
        }
        return Duration.between(processStart, Instant.now()).toMillis();
    }

    /** The instant in {@value #ORIGIN}'s value, if it is one. */
    static java.util.Optional<Instant> origin(String epochMillis) {
        try {
            return epochMillis == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(Long.parseLong(epochMillis.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The probe file's text: the first frame's milliseconds, then one line per phase. */
    static synchronized String report(long firstFrameMs) {
        StringBuilder text = new StringBuilder().append(firstFrameMs).append('\n');
        for (String phase : PHASES) {
            text.append(phase).append('\n');
        }
        return text.toString();
    }

    @Override
    public void handle(long now) {
        if (++pulses < 2) {
            mark("pulse-1");
            return;
        }
        stop();
        long ms = sinceProcessStart();
        try {
            Files.writeString(file, report(ms));
        } catch (IOException e) {
            System.err.println("runlens: could not write the start-up probe to " + file + ": " + e.getMessage());
        }
        Platform.exit();
    }
}
