package dev.runlens.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {
    /** The calling thread's nice value, as the kernel reports it (field 19 of its stat line). */
    private static int niceOfThisThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }

    @Test
    void aLoweredThreadRunsAtNiceFourAndTheOthersAreUntouched() throws Exception {
        int before = niceOfThisThread();
        AtomicInteger seen = new AtomicInteger(Integer.MIN_VALUE);
        Thread t = Thread.ofPlatform().start(BackgroundPriority.lowered(() -> {
            try {
                // Lowering is relative to what the thread inherited, and done once per thread.
                BackgroundPriority.lowerCurrentThread();
                seen.set(niceOfThisThread());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        t.join();
        assertEquals(Math.min(19, before + BackgroundPriority.STEPS), seen.get());
        assertEquals(before, niceOfThisThread(), "only the lowered thread changes");
    }

    @Test
    void loweringSaysWhetherItWorked() throws Exception {
        boolean[] lowered = {false};
        Thread t = Thread.ofPlatform().start(() -> lowered[0] = BackgroundPriority.lowerCurrentThread());
        t.join();
        assertTrue(lowered[0]);
    }
}
