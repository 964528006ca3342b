package dev.runlens.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a batch command ({@code summary}, {@code export}) of a large input in a second JVM with
 * the serial collector. A batch command allocates fast and keeps a model that only grows, and the
 * JVM's default collector (G1) answers by growing the heap to several times the live data: about
 * 1 GB resident for a 300 MB log whose model is under 100 MB. The serial collector keeps the same
 * run near 300 MB and is no slower for a single-threaded batch. See docs/decisions/0010.
 *
 * <p>Only when nobody chose: not when the JVM was given any option other than {@code -D}, not
 * twice ({@value #MARKER}), not when {@code RUNLENS_RELAUNCH=0} or {@code -Drunlens.relaunch=false},
 * not when {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS} is set,
 * not for inputs under {@link #DEFAULT_THRESHOLD} bytes, and not when the runtime has no
 * {@code bin/java} (the packaged app's trimmed runtime). The child inherits stdin, stdout and
 * stderr, and its exit status becomes this process's. When started from one jar, the child maps a
 * class-data sharing archive of the classes it loads ({@link BatchClassArchive}, decision 0017).
 */
public final class BatchRelaunch {
    /** Set in the child: a relaunched JVM never relaunches again. */
    public static final String MARKER = "runlens.relaunched";
    /** Inputs at least this big (bytes on disk; gzip counts eight times) are worth a second JVM. */
    public static final long DEFAULT_THRESHOLD = 64L * 1024 * 1024;
    static final Set<String> BATCH_COMMANDS = Set.of("summary", "export");
    /**
     * The serial collector (decision 0010), and the JIT's limit for inlining hot methods lowered
     * from 325 to 100 bytecodes (decision 0020): a batch runs for a few seconds on two cores, and
     * C2 compiling the decoder and the model with everything inlined (twice, when a rare event kind
     * first arrives) took as much CPU as any of the three working threads; with the lower limit it
     * takes about half, and the working threads are no slower.
     */
    static final List<String> CHILD_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:FreqInlineSize=100");

    private BatchRelaunch() {
    }

    /**
     * Runs {@code args} in a second JVM when that is worth it and wanted, and returns its exit
     * status; returns -1 when the command is to run in this JVM.
     */
    public static int runIfUseful(String[] args) {
        if (args.length < 2 || !BATCH_COMMANDS.contains(args[0])) {
            return -1;  // before reading the JVM's options: the window's start-up pays nothing
        }
        boolean optedOut = System.getProperty(MARKER) != null || "false".equals(System.getProperty("runlens.relaunch"));
        if (optedOut) {
            return -1;  // the relaunched JVM itself: nothing to look up
        }
        List<String> command;
        try {
            command = command(args, jvmOptions(), System.getenv(),
                    Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"),
                    Long.getLong("runlens.relaunch.threshold", DEFAULT_THRESHOLD), false);
        } catch (RuntimeException e) {
            return -1;
        }
        if (command == null) {
            return -1;
        }
        BatchClassArchive archive = "false".equals(System.getProperty("runlens.batch.archive")) ? null
                : BatchClassArchive.of(System.getProperty("java.class.path"), Path.of(System.getProperty("java.home")),
                        System.getProperty("java.version", ""),
                        BatchClassArchive.cacheDir(System.getenv(), System.getProperty("user.home")),
                        ProcessHandle.current().pid());
        if (archive != null && archive.prepare()) {
            command = withArchive(command, archive);
        } else {
            archive = null;
        }
        int status = ChildJvm.run(command);
        if (archive != null) {
            archive.finish(status);
        }
        return status;
    }

    /**
     * This JVM's options, as {@code RuntimeMXBean.getInputArguments()} gives them (both read the
     * same list from the JVM). Read from {@code jdk.internal.misc.VM} where the jar's manifest
     * exports it ({@code java -jar}): the management beans cost the launching JVM some 30 ms of
     * start-up (a service lookup, about 100 classes) before the child can start. Anywhere else
     * (a class path, a test), from the management bean.
     */
    static List<String> jvmOptions() {
        Object vm;
        try {
            vm = Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            vm = UNREADABLE;  // not exported to this code: the public way below
        }
        List<String> options = fromVm(vm);
        return options != null ? options : ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static final Object UNREADABLE = new Object();

    /**
     * The options in what {@code VM.getRuntimeArguments()} returned: null from it means none (the
     * management bean then says none too); null from here means it could not be read.
     */
    static List<String> fromVm(Object result) {
        if (result == null) {
            return List.of();
        }
        return result instanceof String[] list ? List.of(list) : null;
    }

    /**
     * The child's command with the class archive's options right after the executable, and the
     * jar's absolute path as the class path (the one the archive records, wherever it is run from).
     */
    static List<String> withArchive(List<String> command, BatchClassArchive archive) {
        List<String> out = new ArrayList<>(command);
        int cp = out.indexOf("-cp");
        if (cp >= 0 && cp + 1 < out.size()) {
            out.set(cp + 1, archive.jar().toString());
        }
        out.addAll(1, archive.options());
        return out;
    }

    /**
     * The child JVM's command line, or null to run here. Pure, for tests: every input is a parameter.
     *
     * @param jvmOptions this JVM's options ({@code RuntimeMXBean.getInputArguments()})
     * @param optedOut   already relaunched, or switched off with {@code -Drunlens.relaunch=false}
     */
    static List<String> command(String[] args, List<String> jvmOptions, Map<String, String> env, Path javaHome,
                                String classPath, long threshold, boolean optedOut) {
        if (optedOut || args.length < 2 || !BATCH_COMMANDS.contains(args[0]) || "0".equals(env.get("RUNLENS_RELAUNCH"))
                || classPath == null || classPath.isEmpty()) {
            return null;
        }
        // Options from the environment would be read again by the child, and announced again on stderr.
        if (!env.getOrDefault("JDK_JAVA_OPTIONS", "").isBlank() || !env.getOrDefault("JAVA_TOOL_OPTIONS", "").isBlank()) {
            return null;
        }
        for (String option : jvmOptions) {
            if (!option.startsWith("-D")) {
                return null;  // the user tuned this JVM (heap, collector, agent, debugger): respect it
            }
        }
        if (inputBytes(args) < threshold) {
            return null;
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(CHILD_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-D" + MARKER + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add("dev.runlens.Main");
        command.addAll(List.of(args));
        return command;
    }

    /** The size of the arguments that name files (an {@code --out} target too: harmless). */
    static long inputBytes(String[] args) {
        long total = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                continue;
            }
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    total += a.endsWith(".gz") ? size * 8 : size;
                }
            } catch (IOException | InvalidPathException | SecurityException e) {
                // Not a readable file: the command itself will say so.
            }
        }
        return total;
    }
}
