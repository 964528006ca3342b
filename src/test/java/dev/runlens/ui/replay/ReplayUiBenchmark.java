package dev.runlens.ui.replay;

import dev.runlens.replay.LogGenerator;
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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * How long a seek takes in the window, from the slider's request until the dashboard shows that
 * position (engine seek, model copy, restore on the FX thread, views rebuilt), for a generated
 * log; backward and forward seeks apart. Reports only, asserts nothing:
 * <pre>./mvnw -B -o test -Dtest=ReplayUiBenchmark -Drunlens.benchmark=true [-Drunlens.benchmark.events=N]</pre>
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

    private long seekMillis(ReplayController c, int p) throws Exception {
        long start = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> c.seek(p)).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> c.active().position() == p
                && c.active().session().emitted() == p && dashboard.bridge().backlog() == 0));
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void seekLatency() throws Exception {
        int events = Integer.getInteger("runlens.benchmark.events", 30_000);
        Path log = dir.resolve("bench.jsonl");
        LogGenerator.write(log, events, 1);
        ReplayController c = dashboard.replay().controller();
        long t0 = System.nanoTime();
        fx(() -> dashboard.openFile(log));
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> fx(() -> c.active() != null && c.allFinished()));
        System.out.printf("replay-ui: %d entries played at max pace into the window in %.1f s%n",
                c.active().session().index().size(), (System.nanoTime() - t0) / 1e9);
        int size = c.active().session().index().size();
        SplittableRandom random = new SplittableRandom(3);
        int n = 20;
        long[] back = new long[n];
        long[] forward = new long[n];
        for (int i = 0; i < n; i++) {
            int from = fx(() -> c.active().position());
            int to = random.nextInt(Math.max(1, from));  // backward: anywhere before the playhead
            back[i] = seekMillis(c, to);
            int ahead = Math.min(size, to + 1 + random.nextInt(2_000));
            forward[i] = seekMillis(c, ahead);
        }
        report("backward seek", back);
        report("forward seek (up to 2,000 entries ahead)", forward);
    }

    private static void report(String what, long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("replay-ui: %s ms p50 %d p90 %d max %d (n=%d)%n", what, s[s.length / 2], s[(int) (s.length * 0.9)],
                s[s.length - 1], s.length);
    }
}
