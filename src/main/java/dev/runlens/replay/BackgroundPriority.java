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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lowers the calling thread's scheduling priority (its nice value, Linux only) for work the window
 * must not wait for: reading, indexing and decoding a replayed log, and then the JIT compilers
 * ({@link #lowerCompilerThreads}). On two cores those threads took the cores the FX and render
 * threads needed at the moment a frame was due. Java's own
 * thread priorities do nothing on Linux unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1},
 * which warns on every start for a normal user and, run as root, raises the JIT and collector
 * threads above everything else; lowering one thread's nice value needs no privilege and touches
 * nothing else (decision 0089). Elsewhere, or when a call fails, nothing changes.
 */
public final class BackgroundPriority {
    /**
     * Four steps nicer than the thread that made it (Java's {@code MIN_PRIORITY} under
     * {@code ThreadPriorityPolicy=1}): a CFS weight of 423 against 1,024, so the FX thread gets
     * about 2.4 times the share of a core that such a thread gets while both want one.
     */
    static final int STEPS = 4;
    private static final int MAX_NICE = 19;
    private static final MethodHandle GET_PRIORITY;
    private static final MethodHandle SET_PRIORITY;
    private static final MethodHandle GET_TID;
    /** Whether this thread was lowered already: lowering is relative, so a second call would lower it again. */
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** Other threads lowered by id ({@link #lowerThreadsNamed}), for the same reason. */
    private static final Set<Integer> LOWERED_IDS = new HashSet<>();

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

    /** Lowers the calling thread, once however often it is called; returns whether it is lowered. */
    public static boolean lowerCurrentThread() {
        if (SET_PRIORITY == null) {
            return false;
        }
        if (LOWERED.get()) {
            return true;
        }
        try {
            boolean done = lower((int) GET_TID.invokeExact());
            LOWERED.set(done);
            return done;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Lowers the JVM's JIT compiler threads (HotSpot names them "C1 CompilerThread0" and "C2
     * CompilerThread0"; the kernel keeps the first 15 characters), once per thread however often
     * it is called; returns how many are lowered. Called when a log is opened for replay: at
     * maximum speed on two cores C2 alone keeps most of a core busy for the first eight seconds
     * and, at the window's priority, took the core the FX and render threads needed when a frame
     * was due (decision 0092). Four steps, not more: at nineteen C2 fell so far behind that the
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

    /** Lowers each thread of this process whose kernel name {@code named} accepts, once per thread; returns how many are lowered. */
    static synchronized int lowerThreadsNamed(Predicate<String> named) {
        if (SET_PRIORITY == null) {
            return 0;
        }
        int lowered = 0;
        for (int tid : threadsNamed(named)) {
            if (LOWERED_IDS.contains(tid) || lower(tid)) {
                LOWERED_IDS.add(tid);
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

    /** Sets thread {@code tid}'s nice value {@link #STEPS} above its own; whether that worked. */
    private static boolean lower(int tid) {
        try {
            // PRIO_PROCESS (0) with a thread id reads and sets that thread alone on Linux. Relative
            // to what it inherited: under a nice process an absolute 4 would raise it (as root).
            int nice = (int) GET_PRIORITY.invokeExact(0, tid);
            return (int) SET_PRIORITY.invokeExact(0, tid, Math.min(MAX_NICE, nice + STEPS)) == 0;
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
