package dev.runlens.ui.replay;

import dev.runlens.replay.IndexListener;
import dev.runlens.replay.LogGenerator;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.app.Dashboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opening a generated log in the real window (Monocle headless, software rendering) and seeking
 * in it, for issue 6's benchmark 4: time until the window is usable (the first runs listed), time
 * until the file is fully indexed, seek latency for random seeks forwards and backwards (from the
 * request on the FX thread until the restored state is in the model and the views have rebuilt
 * from it), and the heap retained per entry (after GC, minus the empty window). Reports only,
 * asserts nothing:
 * <pre>./mvnw -B -o test -Dtest=ReplayUiBenchmark -Drunlens.benchmark=true [-Drunlens.benchmark.events=N]
 *     [-Drunlens.benchmark.verbose=true] (each seek's figures)
 *     [-Drunlens.benchmark.jfr=FILE [-Drunlens.benchmark.jfc=SETTINGS.jfc]] (a recording of the seeks; "profile" settings
 *     unless a settings file is given, e.g. one with 1 ms execution sampling)</pre>
 */
@EnabledIfSystemProperty(named = "runlens.benchmark", matches = "true")
@ExtendWith(ApplicationExtension.class)
class ReplayUiBenchmark {
    @TempDir
    Path dir;
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * Seeks on the FX thread and returns the milliseconds until the restore ran there (model
     * replaced, views rebuilt), or, for a seek short enough to be played forwards, until the
     * pump applied the last frame.
     */
    private double seekMillis(ReplayController c, int p, AtomicLong restoredAt) throws Exception {
        CompletableFuture<Long> started = new CompletableFuture<>();
        restoredAt.set(0);
        WaitForAsyncUtils.asyncFx(() -> {
            started.complete(System.nanoTime());
            c.seek(p);
        }).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> c.active().session().emitted() == p
                && dashboard.bridge().backlog() == 0));
        long end = restoredAt.get() != 0 ? restoredAt.get() : System.nanoTime();
        return (end - started.get()) / 1e6;
    }

    @Test
    void openAndSeek() throws Exception {
        int events = Integer.getInteger("runlens.benchmark.events", 1_000_000);
        Path log = dir.resolve("bench.jsonl");
        LogGenerator.write(log, events, 1);
        long baseline = usedHeapAfterGc();
        ReplayController c = dashboard.replay().controller();
        AtomicLong indexedAt = new AtomicLong();
        c.watchIndexing(new IndexListener() {
            @Override
            public void progress(ReplayIndex index, double fraction, int entries) {
            }

            @Override
            public void finished(ReplayIndex index, String failure) {
                indexedAt.set(System.nanoTime());
            }
        });
        AtomicLong restoredAt = new AtomicLong();
        dashboard.model().addResetListener(() -> restoredAt.set(System.nanoTime()));

        long t0 = System.nanoTime();
        fx(() -> dashboard.openFile(log));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !dashboard.runs().list().getItems().isEmpty()));
        double usable = (System.nanoTime() - t0) / 1e6;
        // Stop playing at max pace: the seeks below are what is measured.
        fx(() -> {
            c.setPlaying(false);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> indexedAt.get() != 0);
        double indexed = (indexedAt.get() - t0) / 1e6;
        ReplayIndex index = c.active().session().index();
        int size = index.size();
        System.out.printf("replay-ui: %,d entries (%,d MB), load %s%n", size, Files.size(log) >> 20, load());
        System.out.printf("replay-ui: usable (first runs listed) after %.0f ms (target <= 1000 ms)%n", usable);
        System.out.printf("replay-ui: fully indexed after %.0f ms (target <= 5000 ms)%n", indexed);

        SplittableRandom random = new SplittableRandom(3);
        int n = Integer.getInteger("runlens.benchmark.seeks", 40);
        double[] back = new double[n];
        double[] forward = new double[n];
        double[] build = new double[2 * n];
        double[] restore = new double[2 * n];
        double[] buildCpu = new double[2 * n];
        double[] restoreCpu = new double[2 * n];
        int b = 0;
        int f = 0;
        seekMillis(c, size / 2, restoredAt);  // warm-up
        String jfr = System.getProperty("runlens.benchmark.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            // A profile of the seeks only: where the worker's and the FX thread's time goes.
            String settings = System.getProperty("runlens.benchmark.jfc");
            recording = new jdk.jfr.Recording(settings == null ? jdk.jfr.Configuration.getConfiguration("profile")
                    : jdk.jfr.Configuration.create(Path.of(settings)));
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        long gcBefore = gcMillis();
        long seeksStart = System.nanoTime();
        while (b < n || f < n) {
            int from = c.active().session().emitted();
            int to = random.nextInt(size + 1);
            if (to == from || (to < from ? b == n : f == n)) {
                continue;
            }
            double ms = seekMillis(c, to, restoredAt);
            build[b + f] = c.active().session().lastBuildNanos / 1e6;
            restore[b + f] = (c.lastRestoreEndNanos - c.lastRestoreStartNanos) / 1e6;
            buildCpu[b + f] = c.active().session().lastBuildCpuNanos / 1e6;
            restoreCpu[b + f] = c.lastRestoreCpuNanos / 1e6;
            if (Boolean.getBoolean("runlens.benchmark.verbose")) {
                System.out.printf("replay-ui: seek %,d -> %,d: %.0f ms (worker %.0f, FX %.0f; CPU %.0f and %.0f)%n", from, to, ms,
                        build[b + f], restore[b + f], buildCpu[b + f], restoreCpu[b + f]);
            }
            if (to < from) {
                back[b++] = ms;
            } else {
                forward[f++] = ms;
            }
        }
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        report("backward seek", back);
        report("forward seek", forward);
        report("  of which the worker building the state", build);
        report("  of which the FX thread restoring it (model, rows, views)", restore);
        report("  the worker's CPU time for it", buildCpu);
        report("  the FX thread's CPU time for it", restoreCpu);
        System.out.printf("replay-ui: collector pauses during the seeks: %,d ms of %,d ms%n", gcMillis() - gcBefore,
                (System.nanoTime() - seeksStart) / 1_000_000);

        seekMillis(c, size, restoredAt);
        long atEnd = usedHeapAfterGc() - baseline;
        System.out.printf("replay-ui: heap retained at the end of the file (index, model, every event row): %,d MB, %.1f bytes/entry"
                + " (target <= 100; index alone %.1f bytes/entry by its estimate)%n", atEnd >> 20, (double) atEnd / size,
                (double) index.retainedBytes() / size);
        if (Boolean.getBoolean("runlens.benchmark.histogram")) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
            new String(jcmd.getInputStream().readAllBytes()).lines().limit(30).forEach(l -> System.out.println("replay-ui: " + l));
        }
        seekMillis(c, 0, restoredAt);
        long atStart = usedHeapAfterGc() - baseline;
        System.out.printf("replay-ui: heap retained at the start of the file (index, no rows yet): %,d MB, %.1f bytes/entry%n",
                atStart >> 20, (double) atStart / size);
    }

    private static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("replay-ui: %s ms p50 %.0f p99 %.0f max %.0f (n=%d, target <= 200)%n", what, s[s.length / 2],
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)], s[s.length - 1], s.length);
    }
}
