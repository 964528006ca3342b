package dev.runlens.ui.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The window's log file: {@code $XDG_STATE_HOME/runlens/runlens.log} (default
 * {@code ~/.local/state/runlens/}), folder 0700, file 0600, 5 MB × 3 generations. java.util.logging,
 * through which Grizzly and Tyrus log, goes there instead of the console: the demo's server no
 * longer prints its INFO lines on every start. Only the window's commands install it; the other
 * commands keep stderr for their one-sentence errors.
 */
final class AppLog {
    static final String FILE_NAME = "runlens.log";
    static final long LIMIT_BYTES = 5L * 1024 * 1024;
    static final int GENERATIONS = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static volatile Path installedFile;
    private static volatile boolean installing;
    private static final java.util.concurrent.CompletableFuture<Path> READY = new java.util.concurrent.CompletableFuture<>();

    private AppLog() {
    }

    /** {@code $XDG_STATE_HOME/runlens}, or {@code ~/.local/state/runlens} when it is unset or not absolute (as the spec says). */
    static Path folder(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "state");
        return base.resolve("runlens");
    }

    /**
     * Installs the log file in the default folder on a thread of its own: starting java.util.logging
     * and opening the file took 70–170 ms on a loaded machine, which the window's first frame does
     * not wait for. What starts libraries that log (the demo's server) calls {@link #awaitInstalled} first.
     */
    static void installInBackground() {
        installing = true;
        Thread.ofPlatform().daemon().name("runlens-log").start(() -> READY.complete(install()));
    }

    /** Waits (up to 5 s) until {@link #installInBackground} is done; returns at once if it was never started. */
    static void awaitInstalled() {
        if (!READY.isDone() && installing) {
            try {
                READY.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // Logging that is not ready yet is no reason to stop the window.
            }
        }
    }

    /**
     * Logs {@code r} once {@link #installInBackground} is done, from the thread that finished it, so
     * a line written while the window starts goes to the file, not to the console before it.
     */
    static void later(LogRecord r) {
        READY.thenRun(() -> Logger.getLogger(r.getLoggerName()).log(r));
    }

    /** Installs the log file in the default folder; problems are told on stderr and leave the console logging as it was. */
    static Path install() {
        Path folder = folder(System.getenv(), System.getProperty("user.home"));
        try {
            return install(folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("runlens: no log file in " + folder + " (" + e.getMessage() + "); library messages stay on the console");
            return null;
        }
    }

    /**
     * Makes {@code folder} (0700) and its log file the only handler of the root logger, at INFO:
     * the console handler java.util.logging starts with is removed. Returns the log file.
     */
    static synchronized Path install(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Another file system keeps its own rules.
            }
        }
        Path file = folder.resolve(FILE_NAME);
        RollingLogFile handler = new RollingLogFile(file, LIMIT_BYTES, GENERATIONS);
        handler.setFormatter(new LineFormat());
        handler.setLevel(Level.ALL);
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        installedFile = file;
        return file;
    }

    /** The log file in use, or null when none is installed. */
    static Path file() {
        return installedFile;
    }

    /** One line per record (time, level, logger, message), then the stack trace if any. */
    static final class LineFormat extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(160);
            b.append(TIME.format(r.getInstant())).append(' ').append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName() == null ? "" : r.getLoggerName()).append(": ").append(formatMessage(r))
                    .append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }
    }
}
