package dev.runlens.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnabledOnOs(OS.LINUX)
public class BackgroundPriorityTest {
    /** The calling thread's nice value, as the kernel reports it (field 19 of its stat line). */
    public static int niceOfThisThread() throws IOException {
        return niceOf(Path.of("/proc/thread-self/stat"));
    }

    /** Thread {@code tid}'s nice value (of this process), as the kernel reports it. */
    public static int niceOf(int tid) throws IOException {
        return niceOf(Path.of("/proc/self/task/" + tid + "/stat"));
    }

    /** The process's nice value (its main thread's), which the JVM's own threads inherit. */
    public static int niceOfProcess() throws IOException {
        return niceOf(Path.of("/proc/self/stat"));
    }

    /** The ids of this JVM's JIT compiler threads, found as {@link BackgroundPriority#lowerCompilerThreads} finds them. */
    public static List<Integer> compilerThreads() {
        return BackgroundPriority.threadsNamed(BackgroundPriority::isCompiler);
    }

    /** Nice values of this process's threads whose kernel name (15 characters) starts with {@code prefix}. */
    public static List<Integer> nicesOf(String prefix) {
        return nicesOf(BackgroundPriority.threadsNamed(n -> n.startsWith(prefix)));
    }

    /** Nice values of the threads {@code tids} of this process; those that ended meanwhile are left out. */
    public static List<Integer> nicesOf(List<Integer> tids) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int tid : tids) {
            try {
                out.add(niceOf(tid));
            } catch (IOException ended) {
                // the thread ended meanwhile
            }
        }
        return out;
    }

    private static int niceOf(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }

    @Test
    void aLoweredThreadRunsFourStepsBelowTheProcessAndTheOthersAreUntouched() throws Exception {
        int before = niceOfThisThread();
        int expected = Math.min(19, niceOfProcess() + BackgroundPriority.STEPS);
        AtomicInteger seen = new AtomicInteger(Integer.MIN_VALUE);
        AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);
        Thread t = Thread.ofPlatform().start(BackgroundPriority.lowered(() -> {
            try {
                // Asked twice, and by a thread that inherits the lowered value: still four steps.
                BackgroundPriority.lowerCurrentThread();
                seen.set(niceOfThisThread());
                Thread.ofPlatform().start(BackgroundPriority.lowered(() -> {
                    try {
                        child.set(niceOfThisThread());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).join();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        t.join();
        assertEquals(expected, seen.get());
        assertEquals(expected, child.get(), "a thread started by a lowered one");
        assertEquals(before, niceOfThisThread(), "only the lowered threads change");
    }

    @Test
    void loweringSaysWhetherItWorked() throws Exception {
        boolean[] lowered = {false};
        Thread t = Thread.ofPlatform().start(() -> lowered[0] = BackgroundPriority.lowerCurrentThread());
        t.join();
        assertTrue(lowered[0]);
    }

    @Test
    void threadsFoundByNameAreLoweredOnceAndNoOtherIs() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().daemon().name("rl-lower-test").start(() -> {
            // The JVM gives the kernel the thread's name as the thread starts, before this runs.
            started.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            started.await();
            List<Integer> ids = BackgroundPriority.threadsNamed("rl-lower-test"::equals);
            assertEquals(1, ids.size(), "the kernel knows the thread by its Java name");
            int tid = ids.get(0);
            int expected = Math.min(19, niceOfProcess() + BackgroundPriority.STEPS);
            int mine = niceOfThisThread();
            assertEquals(1, BackgroundPriority.lowerThreadsNamed("rl-lower-test"::equals));
            assertEquals(expected, niceOf(tid));
            // Asked again (a second replay in the same JVM): counted, not lowered twice.
            assertEquals(1, BackgroundPriority.lowerThreadsNamed("rl-lower-test"::equals));
            assertEquals(expected, niceOf(tid));
            assertEquals(mine, niceOfThisThread(), "only the named thread changes");
        } finally {
            done.countDown();
            t.join();
        }
    }

    @Test
    void theCompilerThreadsAreKnownByTheNamesItLooksFor() {
        // HotSpot's names, as the kernel keeps them (15 characters): if a JDK renamed them, the
        // window would silently leave its compilers at full priority.
        List<Integer> c1 = BackgroundPriority.threadsNamed(n -> n.startsWith("C1 CompilerThre"));
        List<Integer> c2 = BackgroundPriority.threadsNamed(n -> n.startsWith("C2 CompilerThre"));
        assertFalse(c1.isEmpty(), "a C1 compiler thread");
        assertFalse(c2.isEmpty(), "a C2 compiler thread");
        assertTrue(BackgroundPriority.threadsNamed(n -> n.equals("no such thread")).isEmpty());
    }
}
