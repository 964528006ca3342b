package dev.runlens.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the window in a second JVM that maps a class-data sharing archive of the classes the
 * window loads (decision 0016). Start-up is mostly loading and verifying several thousand
 * classes; from an archive they are mapped ready to use. {@code java -jar} cannot be given the
 * archive, so the jar relaunches itself once with it: the first start (no archive yet) runs with
 * {@code -XX:ArchiveClassesAtExit} and leaves the archive when the window closes; later starts
 * use it. The archive is per jar (path, size, time) and per JDK, in the user's cache folder.
 *
 * <p>Only for {@code java [-D...] -jar runlens.jar} with a window command, not when any other JVM
 * option or {@code JDK_JAVA_OPTIONS}/{@code JAVA_TOOL_OPTIONS} was given, not twice, not with
 * {@code RUNLENS_RELAUNCH=0} or {@code -Drunlens.relaunch=false}. The child inherits stdin,
 * stdout and stderr; its exit status is this process's.
 */
public final class SharedClassesRelaunch {
    /** Set in the child: never relaunch twice. Holds the parent's start, for the start-up probe. */
    static final String MARKER = "runlens.windowLaunchedAt";
    static final Set<String> WINDOW_COMMANDS = Set.of("watch", "open", "dashboard");
    /** Set in a child that writes the archive: a file to create once the window is shown. */
    static final String SHOWN = "runlens.windowShownMarker";

    private SharedClassesRelaunch() {
    }

    /** Runs the window in a child JVM when that is wanted, and returns its status; -1 to run here. */
    public static int runIfUseful(String[] args) {
        if (args.length > 0 && !WINDOW_COMMANDS.contains(args[0])) {
            return -1;
        }
        if (System.getProperty(MARKER) != null || "false".equals(System.getProperty("runlens.relaunch"))) {
            return -1;
        }
        Plan plan;
        try {
            List<String> cmdline = ProcessHandle.current().info().arguments().map(List::of).orElse(null);
            plan = plan(cmdline, args, System.getenv(), Path.of(System.getProperty("java.home")),
                    System.getProperty("java.version", ""), cacheDir(System.getenv()));
        } catch (RuntimeException e) {
            return -1;
        }
        if (plan == null) {
            return -1;
        }
        List<String> command = new ArrayList<>(plan.command());
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        command.add(plan.markerAt(), "-D" + MARKER + "=" + started.toEpochMilli());
        Path shown = plan.dumpTo() == null ? null : plan.dumpTo().resolveSibling(plan.dumpTo().getFileName() + ".shown");
        if (shown != null) {
            command.add(plan.markerAt(), "-D" + SHOWN + "=" + shown);
        }
        try {
            Files.createDirectories(plan.archive().getParent());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        int status = dev.runlens.cli.ChildJvm.run(command);
        if (status < 0) {
            return -1;
        }
        if (plan.dumpTo() != null) {
            // Only a session that opened the window has the classes worth mapping (not --help).
            if (Files.exists(shown)) {
                keep(plan.dumpTo(), plan.archive());
            }
            try {
                Files.deleteIfExists(shown);
                Files.deleteIfExists(plan.dumpTo());
            } catch (IOException e) {
                // Left in the cache folder; the next archive written removes it.
            }
        }
        return status;
    }

    /** A freshly written archive replaces the old ones (other builds of the jar). */
    private static void keep(Path written, Path archive) {
        try {
            if (Files.size(written) == 0) {
                Files.deleteIfExists(written);
                return;
            }
            Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (var old = Files.list(archive.getParent())) {
                old.filter(p -> p.getFileName().toString().startsWith("runlens-") && !p.equals(archive)).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // Another window may be writing it; it is replaced next time.
                    }
                });
            }
        } catch (IOException e) {
            // No archive this time: the next start writes one again.
        }
    }

    /**
     * The child's command line ({@code markerAt} is where the parent's start is inserted), the
     * archive, and where this start writes it (null when it exists). Null to run here. Pure, for tests.
     *
     * @param cmdline this JVM's arguments after the executable (from {@code ProcessHandle})
     */
    static Plan plan(List<String> cmdline, String[] args, Map<String, String> env, Path javaHome, String javaVersion,
                     Path cacheDir) {
        if (cmdline == null || cacheDir == null || "0".equals(env.get("RUNLENS_RELAUNCH"))) {
            return null;
        }
        if (!env.getOrDefault("JDK_JAVA_OPTIONS", "").isBlank() || !env.getOrDefault("JAVA_TOOL_OPTIONS", "").isBlank()) {
            return null;
        }
        int jarAt = cmdline.indexOf("-jar");
        if (jarAt < 0 || jarAt + 1 >= cmdline.size()) {
            return null;  // started with a class path (javafx:run, the packaged launcher, tests)
        }
        List<String> options = cmdline.subList(0, jarAt);
        for (String o : options) {
            if (!o.startsWith("-D")) {
                return null;  // the user tuned this JVM: respect it
            }
        }
        Path jar = Path.of(cmdline.get(jarAt + 1)).toAbsolutePath();
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isRegularFile(jar) || !Files.isExecutable(java)) {
            return null;
        }
        String key;
        try {
            key = Integer.toHexString((jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + javaHome + "|" + javaVersion).hashCode());
        } catch (IOException e) {
            return null;
        }
        Path archive = cacheDir.resolve("runlens-" + key + ".jsa");
        boolean exists = Files.isRegularFile(archive);
        Path dumpTo = exists ? null : cacheDir.resolve("runlens-" + key + ".jsa.tmp" + ProcessHandle.current().pid());
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(exists ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + dumpTo);
        // The archive's own notes (classes it skips, a stale archive ignored) are not the user's business.
        command.add("-Xlog:disable");
        command.add("-Xlog:all=error:stderr");
        command.addAll(WindowJvm.options(args));
        command.addAll(options);
        int markerAt = command.size();
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return new Plan(command, markerAt, archive, dumpTo);
    }

    record Plan(List<String> command, int markerAt, Path archive, Path dumpTo) {
    }

    static Path cacheDir(Map<String, String> env) {
        return dev.runlens.cli.ClassArchiveFolder.of(env, System.getProperty("user.home"));
    }

    /** In a child that writes the archive: says the window was shown, so the archive is kept. */
    static void windowShown() {
        String marker = System.getProperty(SHOWN);
        if (marker != null) {
            try {
                Files.writeString(Path.of(marker), "shown\n");
            } catch (IOException | RuntimeException e) {
                // Then this start's archive is not kept; the next start writes one.
            }
        }
    }

    /** When the user started Runlens: the parent's start in a relaunched window, else this process's. */
    static Optional<Instant> launchedAt() {
        String at = System.getProperty(MARKER);
        if (at != null) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(at)));
            } catch (NumberFormatException e) {
                // Fall through to this process's start.
            }
        }
        return ProcessHandle.current().info().startInstant();
    }
}
