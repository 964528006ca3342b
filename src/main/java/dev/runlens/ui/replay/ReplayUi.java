package dev.runlens.ui.replay;

import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.MarkerKind;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.FxPump;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.controls.Action;
import dev.runlens.ui.controls.Action.Place;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.timeline.TimelineView;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replay and saving in the dashboard window: the transport bar, the File menu's open / recent /
 * save / export actions, drag and drop of log files, the transport keys, and the timeline's
 * playhead. The dashboard creates one and calls {@link #install} when its scene exists.
 */
public final class ReplayUi {
    private static volatile Pace launchPace;
    private static volatile boolean launchExitWhenFinished;
    /** The newest window's controller, for {@code runlens open} to learn after the window closed which files failed. */
    private static volatile ReplayController latest;

    private final DashboardModel model;
    private final Selection selection;
    private final TimelineView timeline;
    private final ReplayController controller;
    private final TransportBar bar;
    private final RecentFiles recent = RecentFiles.inDefaultLocation();
    private final ExecutorService saver = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("runlens-save").factory());
    private final Menu recentMenu = new Menu("Open recent");
    /** Files the operator opened (menu, recent list, drop): these go to the recent list. */
    private final java.util.Set<Path> chosenByUser = new java.util.HashSet<>();
    private Stage stage;
    private long finishedAt = -1;

    public ReplayUi(DashboardModel model, FrameBridge bridge, FxPump pump, Selection selection, TimelineView timeline) {
        this.model = model;
        this.selection = selection;
        this.timeline = timeline;
        this.controller = new ReplayController(model, bridge, pump, selection);
        latest = controller;
        Pace p = launchPace;
        if (p != null) {
            controller.paceProperty().set(p);
        }
        this.bar = new TransportBar(controller);
        controller.onOpened(path -> {
            if (!chosenByUser.remove(path)) {
                return;
            }
            try {
                recent.remember(path);
            } catch (IOException e) {
                // Not remembering a file is no reason to refuse it.
            }
        });
        timeline.setClock(() -> {
            Instant at = controller.playheadTime(selection.run());
            return at != null ? at : Instant.now();
        });
        pump.afterPulse(this::pulse);
    }

    /** How windows opened by {@code runlens open} play: pace, and closing once everything is played. */
    public static void configureLaunch(Pace pace, boolean exitWhenFinished) {
        launchPace = pace;
        launchExitWhenFinished = exitWhenFinished;
    }

    /** The files of the newest window that could not be opened or stopped reading early, one sentence each. */
    public static List<String> launchFailures() {
        ReplayController c = latest;
        return c == null ? List.of() : c.failures();
    }

    private void pulse(long now) {
        controller.pulse(now);
        bar.refresh();
        if (launchExitWhenFinished && stage != null) {
            if (!controller.allFinished()) {
                finishedAt = -1;
            } else if (finishedAt < 0) {
                finishedAt = now;
            } else if (now - finishedAt > 1_000_000_000L) {
                stage.close();
            }
        }
    }

    /** Opens a log for replay; it plays from the start at the chosen pace. */
    public Feed open(Path file) {
        // Rows read their frames back from this file: a save or an export must not write over it.
        dev.runlens.log.PrivateFiles.markInput(file);
        return controller.open(file, true);
    }

    /** As {@link #open}, for a file the operator chose: it goes to the recent list once it opens. */
    public Feed openChosen(Path file) {
        chosenByUser.add(file);
        return open(file);
    }

    /** Drag and drop of files, and the transport keys (not while typing in a text field). */
    public void install(Scene scene, Stage stage) {
        this.stage = stage;
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (controller.active() == null || scene.getFocusOwner() instanceof TextInputControl
                    || e.isControlDown() || e.isMetaDown()) {
                return;
            }
            if (key(e)) {
                e.consume();
            }
        });
    }

    /** The drop handler: every dropped file opens. */
    public void dropped(DragEvent e) {
        if (!e.getDragboard().hasFiles()) {
            return;
        }
        for (File f : e.getDragboard().getFiles()) {
            openChosen(f.toPath());
        }
        e.setDropCompleted(true);
        e.consume();
    }

    private boolean key(KeyEvent e) {
        KeyCode code = e.getCode();
        int direction = code == KeyCode.OPEN_BRACKET ? -1 : code == KeyCode.CLOSE_BRACKET ? 1 : 0;
        if (code == KeyCode.SPACE && !e.isShiftDown() && !e.isAltDown()) {
            controller.togglePlay();
            return true;
        }
        if (direction == 0) {
            return false;
        }
        if (e.isShiftDown()) {
            controller.stepMarker(MarkerKind.ERROR, direction);
        } else if (e.isAltDown()) {
            controller.stepMarker(MarkerKind.NODE_START, direction);
        } else {
            controller.step(direction);
        }
        return true;
    }

    /** The File menu's replay actions: open, save, export (the recent files are {@link #recentMenu}). */
    public List<Action> fileActions() {
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        return List.of(
                Action.of("open-log", Place.FILE_CONNECT, "Open a log to replay…", new KeyCodeCombination(KeyCode.O, ctrl),
                        "Ctrl+O, drop a file", this::chooseAndOpen),
                Action.of("save-run", Place.FILE_SAVE, "Save selected run as log…", new KeyCodeCombination(KeyCode.S, ctrl), "Ctrl+S",
                        () -> choose("Save the run as a session log", "run.jsonl", p -> saveRunsAsLog(p, false))),
                Action.of("save-all", Place.FILE_SAVE, "Save all runs as log…", null, null,
                        () -> choose("Save every run as a session log", "runs.jsonl", p -> saveRunsAsLog(p, true))),
                Action.of("save-run-masked", Place.FILE_SAVE, "Save selected run as log, secrets masked…", null, null,
                        () -> choose("Save the run as a session log with secret-looking values masked", "run-redacted.jsonl",
                                p -> saveRunsAsLog(p, false, true))),
                Action.of("export-summary", Place.FILE_SAVE, "Export run summary (JSON)…", null, null,
                        () -> choose("Export the run summary", "summary.json", this::exportSummary)),
                Action.of("export-csv", Place.FILE_SAVE, "Export executions (CSV)…", null, null,
                        () -> choose("Export executions as CSV", "executions.csv", this::exportCsv)),
                Action.of("export-png", Place.FILE_SAVE, "Export timeline (PNG)…", null, null,
                        () -> choose("Export the timeline as PNG", "timeline.png", this::exportTimelinePng)),
                Action.keysOnly("replay-play", "Space", "Replay: play / pause"),
                Action.keysOnly("replay-step", "[ / ]", "Replay: previous / next event (Alt: node start, Shift: error)"));
    }

    /** The "Open recent" submenu, filled each time it opens. */
    public Menu recentMenu() {
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        return recentMenu;
    }

    private void fillRecent() {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : recent.load()) {
            MenuItem m = new MenuItem(p.toString());
            m.setOnAction(e -> openChosen(p));
            items.add(m);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
        recentMenu.getItems().setAll(items);
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a log to replay");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Logs", "*.jsonl", "*.json", "*.har", "*.gz", "*.log"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            files.forEach(f -> openChosen(f.toPath()));
        }
    }

    private void choose(String title, String name, java.util.function.Function<Path, CompletableFuture<Path>> action) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            action.apply(f.toPath()).whenComplete((p, err) -> FxThread.later(() -> {
                Alert a = err == null ? new Alert(Alert.AlertType.INFORMATION, "Saved " + p)
                        : new Alert(Alert.AlertType.ERROR, "Could not save " + f.getName() + ": " + cause(err).getMessage());
                a.initOwner(stage);
                a.show();
            }));
        }
    }

    private static Throwable cause(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** The selected run, or every run when none is selected (a consistent copy, taken on the FX thread). */
    private List<Run> chosenRuns(boolean all) {
        RunModel copy = model.runModel().copy();
        RunRef sel = selection.run();
        if (!all && sel != null && copy.run(sel) != null) {
            return List.of(copy.run(sel));
        }
        return copy.runs();
    }

    private List<Exports.RunFrames> frames(boolean all) {
        return chosenRuns(all).stream().map(r -> Exports.RunFrames.of(model, r)).toList();
    }

    /** Saves the selected run (or all runs) as a session log, off the FX thread. Call on the FX thread. */
    public CompletableFuture<Path> saveRunsAsLog(Path target, boolean all) {
        return saveRunsAsLog(target, all, false);
    }

    /**
     * The same, and with {@code redact} the values of secret-looking keys (api_key, token,
     * Authorization…) masked: a recording to hand to someone else. It still opens to the same runs.
     */
    public CompletableFuture<Path> saveRunsAsLog(Path target, boolean all, boolean redact) {
        List<Exports.RunFrames> runs = frames(all);
        return CompletableFuture.supplyAsync(() -> call(() -> { Exports.saveSessionLog(runs, target, redact); }, target), saver);
    }

    /** Exports the selected run's (or all runs') summary JSON. Call on the FX thread. */
    public CompletableFuture<Path> exportSummary(Path target) {
        List<Exports.RunFrames> runs = frames(false);
        return CompletableFuture.supplyAsync(() -> call(() -> Exports.saveSummary(runs, target), target), saver);
    }

    /** Exports the selected run's (or all runs') executions as CSV. Call on the FX thread. */
    public CompletableFuture<Path> exportCsv(Path target) {
        List<Run> runs = chosenRuns(false);
        return CompletableFuture.supplyAsync(() -> call(() -> Exports.saveExecutionsCsv(runs, target), target), saver);
    }

    /** Writes what the timeline canvas shows as PNG. Call on the FX thread. */
    public CompletableFuture<Path> exportTimelinePng(Path target) {
        WritableImage image = timeline.canvas().snapshot(null, null);
        return CompletableFuture.supplyAsync(() -> call(() -> Exports.savePng(image, target), target), saver);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static Path call(IoAction a, Path target) {
        try {
            a.run();
            return target;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public TransportBar transportBar() {
        return bar;
    }

    public ReplayController controller() {
        return controller;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    public void close() {
        saver.shutdownNow();
        controller.close();
    }
}
