package dev.runlens.ui.app;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.FxPump;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.connect.ConnectDialog;
import dev.runlens.ui.connect.ConnectViewModel;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.connect.RecentConnections;
import dev.runlens.ui.controls.LazyTabContent;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.errors.ErrorsView;
import dev.runlens.ui.errors.ErrorsViewModel;
import dev.runlens.ui.events.EventLogView;
import dev.runlens.ui.events.EventLogViewModel;
import dev.runlens.ui.inspector.InspectorItems;
import dev.runlens.ui.inspector.InspectorView;
import dev.runlens.ui.inspector.InspectorViewModel;
import dev.runlens.ui.replay.ReplayUi;
import dev.runlens.ui.runs.RunsView;
import dev.runlens.ui.runs.RunsViewModel;
import dev.runlens.ui.theme.Palette;
import dev.runlens.ui.theme.Themes;
import dev.runlens.ui.timeline.NodeNames;
import dev.runlens.ui.timeline.TimelineData;
import dev.runlens.ui.timeline.TimelinePane;
import dev.runlens.ui.timeline.TimelineView;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The composition root of the window: builds the bridge, the model, the view models and the views,
 * lays them out, and wires keyboard, themes, notifications and connections.
 */
public final class Dashboard {
    private final SpillFile store = new SpillFile();
    private final FrameBridge bridge = new FrameBridge(store);
    private final DashboardModel model = new DashboardModel();
    private final FxPump pump = new FxPump(bridge, model);
    private final Selection selection = new Selection();
    private final NodeNames names = new NodeNames();
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "runlens-background");
        t.setDaemon(true);
        return t;
    });
    private final Themes themes = new Themes();
    private final Connector connector;
    private final List<Connector.Live> connections = new ArrayList<>();
    private final RecentConnections recent = RecentConnections.inDefaultLocation();

    private final RunsViewModel runsVm = new RunsViewModel(model, selection);
    private final ErrorsViewModel errorsVm = new ErrorsViewModel(model, selection);
    private final EventLogViewModel eventsVm = new EventLogViewModel(model, selection, names);
    private final InspectorViewModel inspectorVm = new InspectorViewModel(model, selection, names, background, FxThread::later);

    private final RunsView runsView = new RunsView(runsVm);
    private final TimelineView timeline = new TimelineView(names, (run, exec) -> selection.select(run.ref(), exec));
    private final TimelinePane timelinePane = new TimelinePane(timeline);
    private final InspectorView inspectorView = new InspectorView(inspectorVm);
    private final ErrorsView errorsView = new ErrorsView(errorsVm, names);
    private final EventLogView eventsView = new EventLogView(eventsVm);
    private final TabPane bottomTabs = new TabPane();
    private final Tab errorsTab = new Tab("Errors", errorsView);
    private final Tab eventsTab = new Tab("Event log");
    private final StatusBarView statusBar = new StatusBarView(model, bridge);
    private final ReplayUi replay = new ReplayUi(model, bridge, pump, selection, timeline);
    private final VBox top = new VBox();
    private final BorderPane root = new BorderPane();
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private TimelineData timelineData;
    private long lastLogFlush;
    private boolean timelineTitleStale;
    private long lastTitle;
    private Stage stage;

    public Dashboard(Connector connector) {
        this.connector = connector;
        createView();
        initListeners();
    }

    private void createView() {
        root.setId("dashboard");
        errorsTab.setClosable(false);
        eventsTab.setClosable(false);
        bottomTabs.getTabs().setAll(errorsTab, eventsTab);
        LazyTabContent.set(eventsTab, eventsView);
        bottomTabs.setId("bottom-tabs");
        SplitPane centre = new SplitPane(timelinePane, bottomTabs);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.58);
        SplitPane main = new SplitPane(runsView, centre, inspectorView);
        main.setDividerPositions(0.21, 0.68);
        SplitPane.setResizableWithParent(runsView, false);
        SplitPane.setResizableWithParent(inspectorView, false);
        defineShortcuts();
        top.getChildren().add(menuBar());
        // The transport bar joins the scene when it is first shown (a file is opened): invisible,
        // its slider and choosers would still be skinned and styled with the window's first frame.
        Node bar = replay.transportBar();
        bar.visibleProperty().subscribe(visible -> {
            if (visible && !top.getChildren().contains(bar)) {
                top.getChildren().add(1, bar);
            }
        });
        root.setTop(top);
        root.setCenter(main);
        root.setBottom(statusBar);
    }

    private void initListeners() {
        selection.runProperty().subscribe(this::showRun);
        // The event log's rows for a newly shown run wait for the next flush (EventLogViewModel).
        selection.runProperty().subscribe(r -> lastLogFlush = System.nanoTime());
        selection.executionProperty().subscribe(e -> timeline.setSelected(e));
        model.addListener(this::onBatch);
        model.addResetListener(this::afterSeek);
        eventsVm.setDeferred(true);
        // The first run fills the window a frame after it is listed: the cold first showing of
        // every panel in the same pulse as the first data was the window's longest frame.
        runsVm.autoSelectThrough(pump::nextPulse);
        pump.afterPulse(now -> {
            timeline.paintIfDirty();
            statusBar.refresh(now);
            // The title's counts, like the status bar, four times a second: a new title every
            // pulse re-laid the title bar out in every frame of a fast stream.
            if (timelineTitleStale && timelineData != null && now - lastTitle > 250_000_000L) {
                timelineTitleStale = false;
                lastTitle = now;
                timelinePane.setTitle(title(timelineData.run()));
            }
            // The event log takes new rows ten times a second, and only while it is in view.
            if (eventsTab.isSelected() && now - lastLogFlush > 100_000_000L) {
                lastLogFlush = now;
                eventsVm.flush();
            }
        });
        eventsTab.selectedProperty().subscribe(selected -> {
            if (selected) {
                eventsVm.flush();
            }
        });
        errorsVm.totalProperty().subscribe(n -> errorsTab.setText(n.intValue() == 0 ? "Errors" : "Errors (" + n + ")"));
        themes.themeProperty().subscribe(t -> timeline.paletteProperty().set(t == Themes.Theme.DARK ? Palette.DARK : Palette.LIGHT));
    }

    private void onBatch(Batch batch) {
        if (timelineData == null && selection.run() != null) {
            showRun(selection.run());
            return;
        }
        if (timelineData != null) {
            TrackedRun shownTrack = model.track(timelineData.run().ref());
            if (shownTrack != null && shownTrack.run() != timelineData.run()) {
                // A replayed run shared with the replay's snapshots became a new object on its first change.
                showRun(selection.run());
                return;
            }
            Run run = timelineData.run();
            if (batch.changedRuns().contains(run)) {
                Set<Execution> touched = new HashSet<>();
                batch.newRows(run.ref()).forEach(r -> {
                    if (r.execution() != null) {
                        touched.add(r.execution());
                    }
                });
                timelineData.refresh(touched);
                timeline.invalidateData();
                timelineTitleStale = true;
            }
        }
    }

    /**
     * After a replay seek. A run the seek left as it was (an ended run is the same object in every
     * replay snapshot after its end) keeps its timeline data, zoom and scroll; only the playhead
     * moved. Otherwise the timeline is built again from the run at the new position.
     */
    private void afterSeek() {
        TrackedRun track = selection.run() == null ? null : model.track(selection.run());
        if (timelineData != null && track != null && track.run() == timelineData.run()) {
            timeline.setData(timelineData);
            timeline.setSelected(selection.execution());
            return;
        }
        showRun(selection.run());
    }

    private void showRun(RunRef ref) {
        TrackedRun track = ref == null ? null : model.track(ref);
        timelineData = track == null ? null : new TimelineData(track.run());
        timeline.setData(timelineData);
        timeline.setSelected(selection.execution());
        timelinePane.setTitle(track == null ? "Node timeline" : title(track.run()));
    }

    private static String title(Run run) {
        return "Node timeline · " + run.ref().source().label() + " " + run.ref().runId() + " · " + run.nodeCount() + " nodes, "
                + run.executions().size() + " executions";
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.getItems().add(item("Connect…", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::showConnectDialog));
        file.getItems().addAll(replay.fileMenuItems());
        file.getItems().addAll(
                item("Load flow export (node names)…", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), this::loadFlowExport),
                item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit));
        Menu view = new Menu("_View");
        view.getItems().addAll(item("Fit timeline to run (F)", null, timeline::fit),
                item("Next time axis: UTC / local / relative (Z)", null, timelinePane::cycleZone),
                item("Toggle light / dark theme", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), themes::toggle),
                item("Follow the event log (L)", null, () -> eventsVm.followProperty().set(!eventsVm.followProperty().get())));
        Menu go = new Menu("_Go");
        go.getItems().addAll(item("Next error (E)", null, () -> stepError(1)),
                item("Previous error (Shift+E)", null, () -> stepError(-1)));
        Menu help = new Menu("_Help");
        help.getItems().add(item("Keyboard shortcuts (?)", null, this::showCheatSheet));
        MenuBar bar = new MenuBar(file, view, go, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void defineShortcuts() {
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        add(new KeyCodeCombination(KeyCode.N, ctrl), "Ctrl+N", "Connect to a server", this::showConnectDialog);
        add(new KeyCodeCombination(KeyCode.F), "F", "Fit the timeline to the run", timeline::fit);
        add(null, "+ / −, wheel", "Zoom the timeline (focus on the timeline)", () -> { });
        add(null, "drag, Shift+wheel", "Pan the timeline (time / rows)", () -> { });
        add(null, "← → ↑ ↓", "Previous / next execution, row above / below (timeline)", () -> { });
        add(new KeyCodeCombination(KeyCode.Z), "Z", "Time axis: UTC / local / relative", timelinePane::cycleZone);
        add(new KeyCodeCombination(KeyCode.E), "E", "Next error", () -> stepError(1));
        add(new KeyCodeCombination(KeyCode.E, KeyCombination.SHIFT_DOWN), "Shift+E", "Previous error", () -> stepError(-1));
        add(new KeyCodeCombination(KeyCode.L), "L", "Follow the event log on / off", () ->
                eventsVm.followProperty().set(!eventsVm.followProperty().get()));
        add(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), "Alt+↑", "Previous run", () -> stepRun(-1));
        add(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), "Alt+↓", "Next run", () -> stepRun(1));
        add(new KeyCodeCombination(KeyCode.DIGIT1, ctrl), "Ctrl+1", "Focus the runs list", () -> runsView.list().requestFocus());
        add(new KeyCodeCombination(KeyCode.DIGIT2, ctrl), "Ctrl+2", "Focus the timeline", timeline::requestFocus);
        add(new KeyCodeCombination(KeyCode.DIGIT3, ctrl), "Ctrl+3", "Focus the inspector", () -> inspectorView.tabs().requestFocus());
        add(new KeyCodeCombination(KeyCode.DIGIT4, ctrl), "Ctrl+4", "Errors tab", () -> focusBottom(errorsTab, errorsView.table()));
        add(new KeyCodeCombination(KeyCode.DIGIT5, ctrl), "Ctrl+5", "Event log tab", () -> focusBottom(eventsTab, eventsView.table()));
        add(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.ALT_DOWN), "Alt+1…5", "Inspector: Input, Output, Errors, Logs, Raw",
                () -> inspectorView.selectTab(InspectorItems.Tab.INPUT));
        add(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.ALT_DOWN), null, null, () -> inspectorView.selectTab(InspectorItems.Tab.OUTPUT));
        add(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.ALT_DOWN), null, null, () -> inspectorView.selectTab(InspectorItems.Tab.ERRORS));
        add(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.ALT_DOWN), null, null, () -> inspectorView.selectTab(InspectorItems.Tab.LOGS));
        add(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.ALT_DOWN), null, null, () -> inspectorView.selectTab(InspectorItems.Tab.RAW));
        add(null, "Ctrl+F", "Search in the payload (inspector)", () -> { });
        add(null, "Ctrl+C, Ctrl+Shift+C, Ctrl+Alt+C", "Copy value, path, whole payload (inspector)", () -> { });
        add(new KeyCodeCombination(KeyCode.R, ctrl), "Ctrl+R", "Reveal / hide secrets", () ->
                inspectorVm.revealSecretsProperty().set(!inspectorVm.revealSecretsProperty().get()));
        add(new KeyCodeCombination(KeyCode.T, ctrl), "Ctrl+T", "Light / dark theme", themes::toggle);
        add(new KeyCodeCombination(KeyCode.L, ctrl, KeyCombination.SHIFT_DOWN), "Ctrl+Shift+L", "Load a flow export for node names",
                this::loadFlowExport);
        add(null, "Ctrl+O, drop a file", "Open a log to replay", () -> { });
        add(null, "Space", "Replay: play / pause", () -> { });
        add(null, "[ / ]", "Replay: previous / next event (Alt: node start, Shift: error)", () -> { });
        add(null, "?", "This cheat sheet", this::showCheatSheet);
        add(new KeyCodeCombination(KeyCode.Q, ctrl), "Ctrl+Q", "Quit", this::quit);
    }

    private void add(KeyCombination keys, String display, String description, Runnable action) {
        shortcuts.add(new Shortcut(keys, display, description, action));
    }

    /** Keys without modifiers do nothing while the operator types in a text field. */
    private void onKey(KeyEvent e, Scene scene) {
        boolean typing = scene.getFocusOwner() instanceof TextInputControl;
        for (Shortcut s : shortcuts) {
            if (s.keys() == null || !s.keys().match(e)) {
                continue;
            }
            boolean plain = !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
            if (plain && typing) {
                return;
            }
            s.action().run();
            e.consume();
            return;
        }
    }

    private void stepError(int direction) {
        if (errorsVm.step(direction) != null) {
            bottomTabs.getSelectionModel().select(errorsTab);
        }
    }

    private void stepRun(int direction) {
        var rows = runsVm.rows();
        if (rows.isEmpty()) {
            return;
        }
        int i = -1;
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k).ref().equals(selection.run())) {
                i = k;
            }
        }
        selection.runProperty().set(rows.get(Math.floorMod(i + direction, rows.size())).ref());
    }

    private void focusBottom(Tab tab, Node focus) {
        bottomTabs.getSelectionModel().select(tab);
        focus.requestFocus();
    }

    /** Puts the window together on {@code stage} and starts the pulse. */
    public Scene attach(Stage stage, double width, double height) {
        this.stage = stage;
        Scene scene = new Scene(root, width, height);
        themes.install(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(e, scene));
        replay.install(scene, stage);
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                showCheatSheet();
                e.consume();
            }
        });
        stage.setScene(scene);
        if (pump.trace() != null) {
            scene.addPreLayoutPulseListener(pump.trace()::layoutStart);
            scene.addPostLayoutPulseListener(pump.trace()::layoutEnd);
        }
        new RunNotifier(model, stage);
        stage.showingProperty().subscribe(showing -> {
            if (Boolean.TRUE.equals(showing)) {
                pump.start();
            } else {
                pump.stop();
            }
        });
        pump.start();
        return scene;
    }

    /** Shows the demo banner: where the data comes from and how to connect to a real server. */
    /** Shows a banner under the menu, replacing the one shown before. */
    public void showBanner(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("banner-title");
        t.setMinWidth(Region.USE_PREF_SIZE);
        Label l = new Label(text);
        l.setWrapText(true);
        HBox banner = new HBox(10, t, l);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("banner");
        banner.setId("demo-banner");
        banner.setPadding(new Insets(6, 10, 6, 10));
        // One banner at a time: a newer one (the demo is up, or could not start) replaces the last.
        top.getChildren().removeIf(n -> "demo-banner".equals(n.getId()));
        top.getChildren().add(banner);
    }

    /** Opens a log file for replay: indexed in the background, played into the same bridge a live connection feeds. */
    public Feed openFile(Path file) {
        return replay.open(file);
    }

    /** Opens a live connection (and its recording). Problems are shown, never thrown. */
    public Connector.Live connect(ConnectionSettings settings) {
        if (connector == null) {
            alert("Live connections are not available in this build.");
            return null;
        }
        Feed feed = bridge.newFeed(settings.uri().getHost() + ":" + settings.uri().getPort() + settings.uri().getPath(), true);
        try {
            Connector.Live live = connector.open(settings, bridge.listener(feed));
            connections.add(live);
            statusBar.setRecording(live.recording());
            return live;
        } catch (Exception e) {
            bridge.problem(feed, "could not connect to " + settings.url() + ": " + e.getMessage());
            return null;
        }
    }

    private void showConnectDialog() {
        ConnectViewModel vm = new ConnectViewModel(recent.load());
        new ConnectDialog(stage, vm).showAndWait().ifPresent(s -> {
            try {
                recent.remember(s);
            } catch (IOException e) {
                // Not remembering a connection is no reason to refuse it.
            }
            connect(s);
        });
    }

    private void loadFlowExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a Space Operator flow export (node names)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            int n = names.load(f.toPath());
            timeline.invalidate();
            eventsView.table().refresh();
            errorsView.table().refresh();
            alertInfo("Loaded " + n + " node names from " + f.getName());
        } catch (IOException | RuntimeException e) {
            alert("Could not read " + f.getName() + ": " + e.getMessage());
        }
    }

    private void showCheatSheet() {
        List<Shortcut> listed = new ArrayList<>();
        for (Shortcut s : shortcuts) {
            if (s.display() != null) {
                listed.add(s);
            }
        }
        CheatSheet.create(stage, listed).show();
    }

    private void alert(String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text);
        a.initOwner(stage);
        a.show();
    }

    private void alertInfo(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.initOwner(stage);
        a.show();
    }

    private void quit() {
        if (stage != null) {
            stage.close();
        }
    }

    /** Stops the pulse, closes connections (and their recordings) and the frame store. */
    public void close() {
        pump.stop();
        if (pump.trace() != null) {
            try {
                pump.trace().write();
            } catch (java.io.IOException e) {
                System.err.println("runlens: could not write the pulse trace: " + e.getMessage());
            }
        }
        for (Connector.Live c : connections) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // Closing is best effort; the recorder flushes on its own thread.
            }
        }
        connections.clear();
        background.shutdownNow();
        replay.close();
        store.close();
    }

    public Parent root() {
        return root;
    }

    public DashboardModel model() {
        return model;
    }

    public FrameBridge bridge() {
        return bridge;
    }

    public FxPump pump() {
        return pump;
    }

    public ReplayUi replay() {
        return replay;
    }

    public Selection selection() {
        return selection;
    }

    public NodeNames names() {
        return names;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public InspectorView inspector() {
        return inspectorView;
    }

    public InspectorViewModel inspectorViewModel() {
        return inspectorVm;
    }

    public ErrorsViewModel errorsViewModel() {
        return errorsVm;
    }

    public EventLogViewModel eventLogViewModel() {
        return eventsVm;
    }

    public EventLogView eventLog() {
        return eventsView;
    }

    public ErrorsView errors() {
        return errorsView;
    }

    public RunsView runs() {
        return runsView;
    }

    public TabPane bottomTabs() {
        return bottomTabs;
    }

    public Themes themes() {
        return themes;
    }

    public List<Connector.Live> connections() {
        return List.copyOf(connections);
    }
}
