package dev.runlens.ui.app;

import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.replay.ReplayController;
import dev.runlens.ui.replay.ReplaySession;
import dev.runlens.ui.replay.SeekWork;
import dev.runlens.ui.replay.Transport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * For the seek benchmark ({@code -Drunlens.seekProbe=FILE}, {@code -Drunlens.seekProbe.seeks=N},
 * default 20): once the opened log is fully indexed, pauses it and seeks to N positions spread
 * evenly over it, in a shuffled order (so forwards and backwards), one after the other, then
 * closes the application. Each seek's time runs from the request on the FX thread to the first
 * pulse after the one that showed the restored state, which runs after that frame was painted
 * (as {@link StartupProbe} counts). One CSV line per seek, with the worker's and the FX thread's
 * share (wall and CPU) and the waits between the steps: request to the worker's start
 * ({@code queue_ms}), the worker's end to the FX thread's restore ({@code handoff_ms}), the
 * restore's end to the pulse that shows it ({@code shown_ms}), and that pulse to the next
 * ({@code paint_ms}: its CSS, layout and painting). A log that cannot be indexed is one sentence
 * on stderr and in the file.
 */
final class SeekProbe extends AnimationTimer {
    static final String PROPERTY = "runlens.seekProbe";
    static final String HEADER = "from,to,ms,worker_ms,worker_cpu_ms,fx_ms,fx_cpu_ms,queue_ms,handoff_ms,shown_ms,paint_ms";
    /** A seek that has not painted after this long is reported as stuck, and the probe ends. */
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    private final Path file;
    private final int seeks;
    private final ReplayController controller;
    private final FrameBridge bridge;
    private final StringBuilder out = new StringBuilder(HEADER).append('\n');
    private int[] targets;
    private int next;
    private int from;
    private long requestedAt;
    /** The last restore's cost before this seek: unchanged after it means the seek played forwards. */
    private SeekWork workBefore;
    /** Pulses since the pulse that first showed the restored state; -1 while the seek is under way. */
    private int pulsesShown = -1;
    /** When the pulse that first showed the restored state began. */
    private long shownAt;

    private SeekProbe(Path file, int seeks, ReplayController controller, FrameBridge bridge) {
        this.file = file;
        this.seeks = seeks;
        this.controller = controller;
        this.bridge = bridge;
    }

    /** Starts the probe when the property is set; call after the files were asked to open. */
    static void installIfRequested(Dashboard dashboard) {
        String target = System.getProperty(PROPERTY);
        if (target != null && !target.isBlank()) {
            int n = Math.max(1, Integer.getInteger(PROPERTY + ".seeks", 20));
            new SeekProbe(Path.of(target), n, dashboard.replay().controller(), dashboard.bridge()).start();
        }
    }

    /** N positions spread evenly over {@code size} entries, in a shuffled (seeded, repeatable) order. */
    static int[] targets(int size, int n) {
        int[] t = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = (int) Math.min(size, Math.round((k + 0.5) * size / n));
        }
        SplittableRandom random = new SplittableRandom(17);
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = t[k];
            t[k] = t[j];
            t[j] = swap;
        }
        return t;
    }

    @Override
    public void handle(long now) {
        if (!controller.failures().isEmpty()) {
            finish("runlens: seek probe: " + controller.failures().getFirst());
            return;
        }
        Transport t = controller.active();
        if (t == null || !t.session().index().isDone()) {
            return;
        }
        ReplaySession session = t.session();
        if (targets == null) {
            controller.setPlaying(false);
            targets = targets(session.index().size(), seeks);
            request(session);
            return;
        }
        int to = targets[next];
        if (pulsesShown < 0) {
            if (session.emitted() == to && bridge.backlog() == 0) {
                pulsesShown = 0;  // this pulse lays out and paints the restored state
                shownAt = System.nanoTime();
            } else if (System.nanoTime() - requestedAt > GIVE_UP_NANOS) {
                finish("runlens: seek probe: the seek from " + from + " to " + to + " did not finish in 120 s");
            }
            return;
        }
        long painted = System.nanoTime();
        long ms = (painted - requestedAt) / 1_000_000;
        SeekWork w = controller.lastSeekWork();
        if (w != null && w.equals(workBefore)) {
            w = null;  // played forwards: no restore, no waits to place
        }
        out.append(String.format(Locale.ROOT, "%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f%n", from, to, ms,
                w == null ? 0 : w.workerMs(), w == null ? 0 : w.workerCpuMs(), w == null ? 0 : w.fxMs(), w == null ? 0 : w.fxCpuMs(),
                w == null ? 0 : (w.workerStartNanos() - requestedAt) / 1e6, w == null ? 0 : w.handOffMs(),
                w == null ? 0 : (shownAt - w.restoreEndNanos()) / 1e6, (painted - shownAt) / 1e6));
        if (++next == targets.length) {
            finish(null);
        } else {
            request(session);
        }
    }

    private void request(ReplaySession session) {
        int to = targets[next];
        from = session.emitted();
        if (to == from) {
            // No move to measure: nudge the target by one entry.
            targets[next] = to = to > 0 ? to - 1 : to + 1;
        }
        pulsesShown = -1;
        workBefore = controller.lastSeekWork();
        requestedAt = System.nanoTime();
        controller.seek(to);
    }

    private void finish(String problem) {
        stop();
        if (problem != null) {
            System.err.println(problem);
            out.append("# ").append(problem).append('\n');
        }
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            System.err.println("runlens: could not write the seek probe to " + file + ": " + e.getMessage());
        }
        Platform.exit();
    }
}
