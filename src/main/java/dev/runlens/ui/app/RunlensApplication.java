package dev.runlens.ui.app;

import dev.runlens.history.HistoryService;
import dev.runlens.history.IndexFolder;
import dev.runlens.ui.bridge.StreamLoad;
import dev.runlens.launch.ExitCodes;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.ui.layout.LayoutFile;
import dev.runlens.ui.layout.LayoutKeeper;
import dev.runlens.ui.layout.WindowLayout;
import dev.runlens.ui.theme.FontWarmUp;
import dev.runlens.ui.theme.Themes;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The Runlens window: the dashboard, in demo mode, watching a server, or showing files. */
public final class RunlensApplication extends Application {
    private static volatile LaunchOptions options = LaunchOptions.demo();
    private static volatile int exitStatus;
    private static volatile SavedLayout savedLayout;
    /** What runs once the window is shown, or null: the window's AOT training drives it ({@link WindowTraining}). */
    private static volatile java.util.function.Consumer<Dashboard> afterShown;
    private Dashboard dashboard;
    private CrashHandler crashes;
    private java.util.concurrent.CompletableFuture<Demo> demo;
    private boolean statsWritten;
    private PendingStartRun pending;
    private PauseTransition grace;

    /** Opens the window (blocks until it closes); {@link #configure} first. */
    public static void open(String... args) {
        // Library logging (Grizzly, Tyrus) to the log file, not the console, before anything logs.
        StartupProbe.mark("launch");
        AppLog.installInBackground();
        // The saved layout (a file and the JSON reader's first use) is read while JavaFX and GTK start.
        savedLayout = SavedLayout.readInBackground();
        RenderingPipeline.choose();
        Application.launch(RunlensApplication.class, args);
    }

    /** Sets what the next launch shows. */
    public static void configure(LaunchOptions o) {
        options = o;
    }

    /** Hands the next window's dashboard to {@code hook} once the window is shown. */
    static void afterShown(java.util.function.Consumer<Dashboard> hook) {
        afterShown = hook;
    }

    public static int exitStatus() {
        return exitStatus;
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("start");
        FontWarmUp.startInBackground();
        LaunchOptions o = options;
        crashes = CrashHandler.install();
        // The theme's sheet before the first control exists, so JavaFX never loads its default (Modena).
        SavedLayout read = savedLayout != null ? savedLayout : SavedLayout.readNow();
        savedLayout = null;
        LayoutFile layout = read.file();
        Optional<WindowLayout> saved = read.layout();
        Themes.useAtStart(Themes.atStart(saved.map(WindowLayout::theme).orElse(null), Platform.getPreferences().getColorScheme()));
        dashboard = new Dashboard(LiveConnector.create(o.recordTo(), o.otlp()));
        crashes.showIn(dashboard.bridge());
        // History index (issue 18): one low-priority thread; it waits while the pump is behind or a
        // firehose streams in (StreamLoad). It opens the Lucene index once the window is up:
        // nothing of it shows in the first frame.
        HistoryService history = new HistoryService(IndexFolder.defaultFolder(), HistoryService.sessionsFolder(),
                StreamLoad.of(dashboard.bridge()));
        dashboard.useHistory(history);
        AfterFirstFrames.run(history::start);
        stage.setTitle("Runlens");
        // The remembered layout (size, splits, columns, theme, time zone, zoom) before the first frame.
        new LayoutKeeper(layout, dashboard.layoutParts(stage), AppLog::later).install(saved);
        dashboard.attach(stage, 1440, 860);
        StartupProbe.mark("built");
        if (o.demoMode()) {
            // Finished demo runs stay subscribable for a minute, so a slow start still sees them whole.
            demo = Demo.startInBackground(dashboard, SimulatorOptions.builder().notFoundAfter(java.time.Duration.ofSeconds(60)).build());
        }
        pending = new PendingStartRun(dashboard, System.out, System.err, this::startSettled);
        if (o.watch() != null) {
            // The first burst of a fast stream (decoded on cold code) would compete with the
            // window's first paint for the cores: the window paints first.
            AfterFirstFrames.run(() -> {
                Connector.Live live = dashboard.connect(o.watch());
                if (o.start() instanceof PendingStart.Started started) {
                    pending.connected(started, live);
                }
            });
        }
        if (o.start() instanceof PendingStart.Lyzr lyzr) {
            // start --watch of a Lyzr workflow: the window's own start path, once the window is up.
            AfterFirstFrames.run(() -> pending.start(lyzr));
        }
        for (Path f : o.files()) {
            dashboard.openFile(f);
        }
        if (o.exitWhenFinished()) {
            exitWhenFinished(stage);
        }
        stage.setOnHidden(e -> shutDown());
        stage.show();
        StartupProbe.installIfRequested();
        SeekProbe.installIfRequested(dashboard);
        if (afterShown != null) {
            afterShown.accept(dashboard);
        }
    }

    /**
     * Closes the window 1 s after every watched run reached its terminal event, or once every
     * connection has stopped for good (run not found, token refused, gave up): nothing more can come.
     * The exit status then follows {@code record}'s: 3 token refused, 4 not found, 5 gave up.
     */
    private void exitWhenFinished(Stage stage) {
        grace = new PauseTransition(Duration.seconds(1));
        grace.setOnFinished(e -> {
            if (finishedOrStopped() && dashboard.bridge().backlog() == 0) {
                exitStatus = pending.exitStatus(ExitWhenFinished.status(dashboard.model().feeds(),
                        dashboard.connections().stream().map(Connector.Live::exitStatus).toList()));
                stage.close();
            }
        });
        dashboard.model().addListener(b -> {
            if ((!b.endedRuns().isEmpty() || b.feedsChanged() || b.frames() == 0) && finishedOrStopped()) {
                grace.playFromStart();
            }
        });
    }

    private boolean finishedOrStopped() {
        LaunchOptions o = options;
        return pending.watchOver(o.start() != null, o.watch() == null ? java.util.List.of() : o.watch().runIds(),
                requested -> ExitWhenFinished.over(dashboard.model(), requested, dashboard.model().feeds()));
    }

    /** A pending start was made or refused: with --exit-when-finished, a refusal ends the watch. */
    private void startSettled() {
        if (grace != null && finishedOrStopped()) {
            grace.playFromStart();
        }
    }

    private void shutDown() {
        if (statsWritten) {
            return;
        }
        statsWritten = true;
        exitStatus = Math.max(exitStatus, pending == null ? 0 : pending.exitStatus());
        dashboard.pump().drainAll();
        Path stats = options.statsOut();
        if (stats != null) {
            try {
                StatsWriter.write(stats, dashboard.model(), dashboard.pump().stats());
            } catch (IOException e) {
                System.err.println("runlens: could not write " + stats + ": " + e.getMessage());
                exitStatus = 1;
            }
        }
        crashes.showIn(null);
        java.util.List<Connector.Live> recordings = dashboard.connections();
        dashboard.close();
        // The recordings are closed (flushed) by now; one that could not finish must not exit 0.
        for (Connector.Live c : recordings) {
            c.recordingFailure().ifPresent(sentence -> {
                System.err.println("runlens: " + sentence);
                exitStatus = Math.max(exitStatus, ExitCodes.FAILURE);
            });
        }
        if (demo != null) {
            // Also when the simulator comes up only after the window closed.
            demo.thenAccept(d -> {
                if (d != null) {
                    d.close();
                }
            });
        }
        Platform.exit();
    }

    @Override
    public void stop() {
        shutDown();
    }
}
