package dev.runlens.replay;

import dev.runlens.model.RunModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Replay benchmark (issue 5/6): generates a Space Operator session log (1,000,000 events unless
 * {@code -Drunlens.benchmark.events=N}), indexes it, and reports indexing time, retained heap per
 * entry and the latency of random seeks. Off by default; run with
 * <pre>./mvnw -B -o test -Dtest=ReplayBenchmark -Drunlens.benchmark=true</pre>
 * The log is kept in {@code target/replay-benchmark/} and reused by later runs.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "runlens.benchmark", matches = "true")
class ReplayBenchmark {
    private static final int SEEKS = 200;

    @Test
    void indexAndSeekAGeneratedLog() throws Exception {
        int events = Integer.getInteger("runlens.benchmark.events", 1_000_000);
        Path dir = Path.of("target", "replay-benchmark");
        Files.createDirectories(dir);
        Path log = dir.resolve("generated-" + events + ".jsonl");
        if (!Files.exists(log)) {
            long g0 = System.nanoTime();
            LogGenerator.write(log, events, 42);
            System.out.printf("generated %s (%,d bytes) in %.1f s%n", log, Files.size(log), (System.nanoTime() - g0) / 1e9);
        }
        long before = usedHeapAfterGc();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long[] firstProgress = {0};
        try (ReplayIndex index = ReplayIndex.open(log, new IndexListener() {
            @Override
            public void progress(ReplayIndex i, double fraction, int entries) {
                if (firstProgress[0] == 0 && entries > 0) {
                    firstProgress[0] = System.nanoTime();
                }
            }

            @Override
            public void finished(ReplayIndex i, String failure) {
            }
        })) {
            index.awaitDone();
            long indexNanos = System.nanoTime() - t0;
            long cpuNanos = processCpuNanos() - cpu0;
            assertNull(index.failure());
            long retained = usedHeapAfterGc() - before;
            int n = index.size();
            System.out.printf("file: %,d bytes, %,d entries, %d runs%n", Files.size(log), n, index.runs().size());
            System.out.printf("indexing: %.2f s wall (%,.0f entries/s), %.2f s CPU of this JVM (all threads, GC and JIT"
                            + " included); load average %.1f; first progress after %.0f ms%n",
                    indexNanos / 1e9, n / (indexNanos / 1e9), cpuNanos / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), (firstProgress[0] - t0) / 1e6);
            System.out.printf("retained heap: %,d bytes = %.1f bytes/entry (estimate %.1f; snapshots: %d, every %,d entries)%n",
                    retained, (double) retained / n, (double) index.retainedBytes() / n,
                    index.snapshots().count(), index.snapshots().interval());

            ReplayEngine engine = new ReplayEngine(index);
            SplittableRandom random = new SplittableRandom(7);
            for (int w = 0; w < 20; w++) {
                engine.seek(random.nextInt(n + 1));
            }
            long[] nanos = new long[SEEKS];
            long[] cpu = new long[SEEKS];
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int k = 0; k < SEEKS; k++) {
                int target = random.nextInt(n + 1);
                long c0 = threads.getCurrentThreadCpuTime();
                long s0 = System.nanoTime();
                RunModel m = engine.seek(target);
                nanos[k] = System.nanoTime() - s0;
                cpu[k] = threads.getCurrentThreadCpuTime() - c0;
                assertEquals(target, engine.position());
                assertEquals(countRunEvents(index, target), m.applied());
            }
            Arrays.sort(nanos);
            System.out.printf("seek latency over %d random seeks: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    SEEKS, nanos[SEEKS / 2] / 1e6, nanos[SEEKS * 9 / 10] / 1e6, nanos[SEEKS * 99 / 100] / 1e6,
                    nanos[SEEKS - 1] / 1e6);
            Arrays.sort(cpu);
            System.out.printf("seek CPU time of the seeking thread (GC not included): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms%n", cpu[SEEKS / 2] / 1e6, cpu[SEEKS * 9 / 10] / 1e6, cpu[SEEKS * 99 / 100] / 1e6,
                    cpu[SEEKS - 1] / 1e6);
            engine.seek(n - 1000);
            long[] back = new long[SEEKS];
            for (int k = 0; k < SEEKS; k++) {
                long s0 = System.nanoTime();
                engine.seek(engine.position() - 1);
                back[k] = System.nanoTime() - s0;
            }
            assertEquals(n - 1000 - SEEKS, engine.position());
            long first = back[0];
            Arrays.sort(back);
            System.out.printf("step back (%d in a row near the end): first %.1f ms; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    SEEKS, first / 1e6, back[SEEKS / 2] / 1e6, back[SEEKS * 99 / 100] / 1e6, back[SEEKS - 1] / 1e6);
            System.out.printf("machine: %d cores, %s %s, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static long countRunEvents(ReplayIndex index, int position) {
        long c = 0;
        for (int i = 0; i < position; i++) {
            if (index.kind(i).isRunEvent()) {
                c++;
            }
        }
        return c;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
