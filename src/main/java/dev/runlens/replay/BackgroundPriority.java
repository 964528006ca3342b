package dev.runlens.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lowers the calling thread's scheduling priority (its nice value, Linux only) for work the window
 * must not wait for: reading, indexing and decoding a replayed log, and then the JIT compilers
 * ({@link #lowerCompilerThreads}). On two cores those threads took the cores the FX and render
 * threads needed at the moment a frame was due. Java's own thread priorities do nothing on Linux
 * unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1}, which warns on every start for a
 * normal user and, run as root, raises the JIT and collector threads above everything else;
 * lowering one thread's nice value needs no privilege and touches nothing else (decisions 0089,
 * 0092). Elsewhere, or when a call fails, nothing changes.
 */
public final class BackgroundPriority {
    /**
     * Four steps nicer than the process (Java's {@code MIN_PRIORITY} under
     * {@code ThreadPriorityPolicy=1}): a CFS weight of 423 against 1,024, so the FX thread gets
     * about 2.4 times the share of a core that such a thread gets while both want one.
     */
    static final int STEPS = 4;
    private static final int MAX_NICE = 19;
    private static final MethodHandle GET_PRIORITY;
    private static final MethodHandle SET_PRIORITY;
    private static final MethodHandle GET_TID;

    static {
        MethodHandle get = null;
        MethodHandle set = null;
        MethodHandle tid = null;
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                get = linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                set = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                tid = linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            } catch (RuntimeException | LinkageError e) {
                get = null;
                set = null;
                tid = null;
            }
        }
        GET_PRIORITY = get;
        SET_PRIORITY = set;
        GET_TID = tid;
    }

    private BackgroundPriority() {
    }

    /** Lowers the calling thread, however often it is called; returns whether it is lowered. */
    public static boolean lowerCurrentThread() {
        if (SET_PRIORITY == null) {
            return false;
        }
        try {
            return lower((int) GET_TID.invokeExact());
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Lowers the JVM's JIT compiler threads (HotSpot names them "C1 CompilerThread0" and "C2
     * CompilerThread0"; the kernel keeps the first 15 characters), however often it is called;
     * returns how many are lowered. Called when a log is opened for replay: at maximum speed on
     * two cores C2 alone keeps most of a core busy for the first eight seconds and, at the
     * window's priority, took the core the FX and render threads needed when a frame was due
     * (decision 0092). Four steps, not more: at nineteen C2 fell so far behind that the
     * window ran on slow code for longer and spent twice the CPU. They stay lowered for the rest
     * of the process (taking a nice value back needs privilege). Compiler threads the JVM adds
     * later, on machines with more cores where they do not compete, keep their priority.
     */
    public static int lowerCompilerThreads() {
        return lowerThreadsNamed(BackgroundPriority::isCompiler);
    }

    /** Whether a thread of this kernel name is one of HotSpot's JIT compilers. */
    static boolean isCompiler(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** Lowers each thread of this process whose kernel name {@code named} accepts; returns how many are lowered. */
    static int lowerThreadsNamed(Predicate<String> named) {
        if (SET_PRIORITY == null) {
            return 0;
        }
        int lowered = 0;
        for (int tid : threadsNamed(named)) {
            if (lower(tid)) {
                lowered++;
            }
        }
        return lowered;
    }

    /** The ids of this process's threads whose kernel name {@code named} accepts (Linux's /proc). */
    static List<Integer> threadsNamed(Predicate<String> named) {
        List<Integer> ids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (named.test(Files.readString(task.resolve("comm")).strip())) {
                        ids.add(Integer.parseInt(task.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return ids;
    }

    /**
     * Sets thread {@code tid}'s nice value {@link #STEPS} above the process's, unless it is that low
     * already; whether it is. Relative to the process: under a nice process an absolute 4 would
     * raise the thread (as root), and relative to the thread's own value a thread started by a
     * lowered one (which inherits its value) would go four steps lower again, as would a thread
     * asked twice.
     */
    private static boolean lower(int tid) {
        try {
            // PRIO_PROCESS (0) with a thread id reads and sets that thread alone on Linux; with the
            // process id, the main thread, whose value the JVM's threads inherit.
            int process = (int) GET_PRIORITY.invokeExact(0, (int) ProcessHandle.current().pid());
            int target = Math.min(MAX_NICE, process + STEPS);
            return (int) GET_PRIORITY.invokeExact(0, tid) >= target || (int) SET_PRIORITY.invokeExact(0, tid, target) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** {@code task} run on a thread lowered first. */
    public static Runnable lowered(Runnable task) {
        return () -> {
            lowerCurrentThread();
            task.run();
        };
    }
}
