package dev.runlens.replay;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Lowers the calling thread's scheduling priority (its nice value, Linux only) for work the window
 * must not wait for: reading, indexing and decoding a replayed log. On two cores those threads
 * took the cores the FX and render threads needed at the moment a frame was due. Java's own
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
            int tid = (int) GET_TID.invokeExact();
            // PRIO_PROCESS (0) with a thread id reads and sets that thread alone on Linux. Relative
            // to what it inherited: under a nice process an absolute 4 would raise it (as root).
            int nice = (int) GET_PRIORITY.invokeExact(0, tid);
            boolean done = (int) SET_PRIORITY.invokeExact(0, tid, Math.min(MAX_NICE, nice + STEPS)) == 0;
            LOWERED.set(done);
            return done;
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
