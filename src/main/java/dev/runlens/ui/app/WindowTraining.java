package dev.runlens.ui.app;

import dev.runlens.Main;
import dev.runlens.model.Run;
import dev.runlens.sim.CliTraining;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.replay.Pace;
import dev.runlens.ui.replay.ReplayController;
import dev.runlens.ui.replay.ReplaySession;
import dev.runlens.ui.replay.ReplayUi;
import dev.runlens.ui.replay.Transport;
import javafx.animation.AnimationTimer;
import javafx.stage.Window;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The window launcher's AOT training run ({@code packaging/build.xml}, decision 0085). A cache is
 * trained by one run, and one trained on the first frame alone held neither the classes nor the
 * method profiles of what the window does under load, so every window compiled its live and replay
 * paths from cold while the operator watched. In one JVM: the demo window as users start it; once
 * its first frames are painted, a live connection to a simulator on 127.0.0.1 streaming many runs
 * and one firehose; then a max-speed replay of a log recorded beforehand (by {@code record}, other
 * runs); then seeks in it; then the window closes. A phase that does not end in time is skipped
 * with a line on stderr: the cache is then less trained, never wrong. Usage:
 * {@code WindowTraining FOLDER}; the token and the recorded log go to FOLDER, and
 * {@code FOLDER/phases.txt} lists the phases that ended. Exits 1 when the window painted nothing.
 */
public final class WindowTraining extends AnimationTimer {
    /** The live phase: many small runs (the runs benchmark's shape) and one firehose (the ui benchmark's). */
    static final int RUNS = 200;
    static final int EVENTS_PER_RUN = 250;
    static final int FIREHOSE = 50_000;
    static final int RATE = 10_000;
    /** The replayed log: recorded before the window opens, as fast as the socket allows. */
    static final int REPLAY_RUNS = 100;
    static final int REPLAY_EVENTS_PER_RUN = 1_000;
    static final int SEEKS = 6;
    private static final long PHASE_NANOS = 60_000_000_000L;

    private enum Phase { LIVE, REPLAY, SEEK }

    private final Dashboard dashboard;
    private final ConnectionSettings live;
    private final Path log;
    private final List<String> ended;
    private final PrintStream err;
    private Phase phase = Phase.LIVE;
    private long phaseStart;
    private int seeks;
    private int seekTarget = -1;

    private WindowTraining(Dashboard dashboard, ConnectionSettings live, Path log, List<String> ended, PrintStream err) {
        this.dashboard = dashboard;
        this.live = live;
        this.log = log;
        this.ended = ended;
        this.err = err;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: WindowTraining FOLDER");
            System.exit(2);
        }
        System.exit(train(Path.of(args[0]), System.out, System.err));
    }

    static int train(Path folder, PrintStream out, PrintStream err) throws IOException {
        return CliTraining.withSimulator(folder, (sim, token) -> {
            Path log = folder.resolve("replay.jsonl");
            List<String> record = new ArrayList<>(List.of("record", "--url", sim.spaceOperatorUrl().toString(),
                    "--token-file", token.toString(), "--out", log.toString()));
            for (String run : sim.startManyRuns(REPLAY_RUNS, REPLAY_EVENTS_PER_RUN, 0, Duration.ZERO, true)) {
                record.addAll(List.of("--run", run));
            }
            int status = Main.run(record.toArray(String[]::new), out, err);
            if (status != 0) {
                err.println("WindowTraining: record of the replay log exited with " + status);
                return status;
            }
            List<String> runs = new ArrayList<>(sim.startManyRuns(RUNS, EVENTS_PER_RUN, RATE, Duration.ZERO, true));
            runs.add(sim.startFirehose(FIREHOSE, RATE));
            ConnectionSettings settings = new ConnectionSettings(sim.spaceOperatorUrl().toString(), ProtocolChoice.SPACE_OPERATOR,
                    new TokenSource.FromFile(token), runs, null, null);
            List<String> ended = new ArrayList<>();
            ReplayUi.configureLaunch(Pace.MAX, false);
            RunlensApplication.configure(LaunchOptions.demo());
            RunlensApplication.afterShown(d -> AfterFirstFrames.run(() -> {
                ended.add("first-frame");
                new WindowTraining(d, settings, log, ended, err).start();
            }));
            RunlensApplication.open();
            Files.writeString(folder.resolve("phases.txt"), String.join("\n", ended) + "\n", StandardCharsets.UTF_8);
            return ended.isEmpty() ? 1 : 0;
        });
    }

    @Override
    public void start() {
        dashboard.connect(live);
        phaseStart = System.nanoTime();
        super.start();
    }

    @Override
    public void handle(long now) {
        boolean late = now - phaseStart > PHASE_NANOS;
        switch (phase) {
            case LIVE -> {
                if (late || (liveRunsEnded() && dashboard.bridge().backlog() == 0)) {
                    next("live", late, Phase.REPLAY);
                    dashboard.openFile(log);
                }
            }
            case REPLAY -> {
                if (late || dashboard.replay().controller().allFinished()) {
                    next("replay", late, Phase.SEEK);
                }
            }
            default -> seek(late);  // Phase.SEEK
        }
    }

    private boolean liveRunsEnded() {
        Set<String> terminal = new HashSet<>();
        for (Run r : dashboard.model().runModel().runs()) {
            if (r.terminal()) {
                terminal.add(r.ref().runId());
            }
        }
        return terminal.containsAll(live.runIds());
    }

    /** Seeks to {@link #SEEKS} positions spread over the log, backwards and forwards, each once it is shown. */
    private void seek(boolean late) {
        ReplayController controller = dashboard.replay().controller();
        Transport t = controller.active();
        ReplaySession session = t == null ? null : t.session();
        if (late || session == null) {
            next("seeks", true, null);
            return;
        }
        if (seekTarget >= 0 && (session.emitted() != seekTarget || dashboard.bridge().backlog() > 0)) {
            return;
        }
        if (seeks == SEEKS) {
            next("seeks", false, null);
            return;
        }
        int size = session.index().size();
        // Odd seeks go back towards the start, even ones forwards: both restore paths.
        seekTarget = (int) ((long) size * (seeks % 2 == 0 ? SEEKS - seeks : seeks) / (SEEKS + 1));
        seeks++;
        controller.setPlaying(false);
        controller.seek(seekTarget);
    }

    private void next(String name, boolean late, Phase then) {
        if (late) {
            err.println("WindowTraining: the " + name + " phase did not end in " + PHASE_NANOS / 1_000_000_000L + " s; going on");
        } else {
            ended.add(name);
        }
        phaseStart = System.nanoTime();
        if (then != null) {
            phase = then;
            return;
        }
        stop();
        // Closing the window closes its connections, writes its layout and exits JavaFX, as an operator's close does.
        for (Window w : new ArrayList<>(Window.getWindows())) {
            w.hide();
        }
    }
}
