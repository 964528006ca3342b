package dev.runlens.ui.app;

import dev.runlens.act.LastInputs;
import dev.runlens.history.HistoryService;
import dev.runlens.history.RunHistory;
import dev.runlens.ui.act.RunActions;
import dev.runlens.ui.act.RunContextMenu;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.FxPump;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.compare.CompareWindow;
import dev.runlens.ui.compare.OverdueWatch;
import dev.runlens.ui.connect.ConfigFiles;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.controls.Action;
import dev.runlens.ui.controls.JoinWhenShown;
import dev.runlens.ui.controls.LazyContextMenu;
import dev.runlens.ui.controls.LazyTabContent;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.errors.ErrorsView;
import dev.runlens.ui.errors.ErrorsViewModel;
import dev.runlens.ui.events.EventLogView;
import dev.runlens.ui.events.EventLogViewModel;
import dev.runlens.ui.inspector.InspectorView;
import dev.runlens.ui.inspector.InspectorViewModel;
import dev.runlens.ui.notify.NoticeArea;
import dev.runlens.ui.notify.NoticesViewModel;
import dev.runlens.ui.replay.ReplayUi;
import dev.runlens.ui.search.SearchUi;
import dev.runlens.ui.runs.RunsView;
import dev.runlens.ui.runs.RunsViewModel;
import dev.runlens.ui.layout.LayoutKeeper;
import dev.runlens.ui.theme.TextZoom;
import dev.runlens.ui.theme.Themes;
import dev.runlens.ui.timeline.NodeNames;
import dev.runlens.ui.timeline.TimelinePane;
import dev.runlens.ui.timeline.TimelineView;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The window: builds the bridge, the model, the view models and the views and lays them out. Its
 * actions ({@link DashboardActions}) make the menu, the keys and the cheat sheet; the timeline follows
 * the selection ({@link TimelineFollower}); dialogs are {@link DashboardDialogs}.
 */
public final class Dashboard {
    private final SpillFile store = new SpillFile();
    private final FrameBridge bridge = new FrameBridge(store);
    private final DashboardModel model = new DashboardModel();
    private final FxPump pump = new FxPump(bridge, model);
    private final Selection selection = new Selection();
    private final NodeNames names = new NodeNames();
    private final ExecutorService background = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("runlens-background").factory());
    private final Themes themes = new Themes();
    private final TextZoom zoom = TextZoom.ofDesktop();
    private final LiveConnections connections;

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
    private final NoticesViewModel noticesVm = new NoticesViewModel(model, selection);
    private String desktopBus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
    private RunNotifier notifier;
    private final ReplayUi replay = new ReplayUi(model, bridge, pump, selection, timeline);
    private final SearchUi search = new SearchUi(replay.controller(), model, selection);
    private final VBox top = new VBox();
    private final Banners banners = new Banners(top);
    private final BorderPane root = new BorderPane();
    private final DashboardDialogs dialogs = new DashboardDialogs(names, () -> {
        timeline.invalidate();
        eventsView.table().refresh();
        errorsView.table().refresh();
    });
    private final DashboardActionHost actionHost = new DashboardActionHost(this::connect);
    private final RunActions runActions = new RunActions(actionHost, model, selection, background, FxThread::later,
            this::showBanner, this::clearBanner, () -> root.getScene() == null ? null : root.getScene().getWindow(), new LastInputs(ConfigFiles.dir()));
    private final List<Action> actions;
    private long lastLogFlush;
    private RunHistory history = RunHistory.NONE;
    private final OverdueWatch overdue = new OverdueWatch(model, background, FxThread::later);

    public Dashboard(Connector connector) {
        this.connections = new LiveConnections(connector, bridge);
        this.actions = DashboardActions.of(this, new Navigation(selection, runsVm, errorsVm, bottomTabs, errorsTab), dialogs);
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
        centre.setId("centre-split");
        centre.setDividerPositions(0.58);
        timeline.setWaitsForInput(new dev.runlens.ui.act.InputWaitPresenter(runActions, selection, names, inspectorView.inputWait())::waits);
        LazyContextMenu.set(runsView.list(), () -> new RunContextMenu(runActions, model, selection).withCompare(this::compareSelected));
        SplitPane main = new SplitPane(runsView, centre, inspectorView);
        main.setDividerPositions(0.21, 0.68);
        main.setId("main-split");
        SplitPane.setResizableWithParent(runsView, false);
        SplitPane.setResizableWithParent(inspectorView, false);
        top.getChildren().add(ActionMenus.menuBar(actions, "open-log", replay.recentMenu()));
        // The transport bar joins the scene when it is first shown (a file is opened).
        Node bar = replay.transportBar();
        JoinWhenShown.join(bar, () -> top.getChildren().add(1, bar));
        root.setTop(top);
        root.setCenter(main);
        statusBar.addNotices(new NoticeArea(noticesVm));
        root.setBottom(statusBar);
    }

    private void initListeners() {
        // Run again reads a replayed run's start from its file, and the index takes it in, however it was
        // opened (menu, recent, drop, command line, a search hit).
        replay.controller().onOpened(file -> {
            actionHost.opened(file);
            search.indexToo(file);
        });
        TimelineFollower follower = new TimelineFollower(model, selection, timeline, timelinePane, names);
        // The event log's rows for a newly shown run wait for the next flush (EventLogViewModel).
        selection.runProperty().subscribe(r -> lastLogFlush = System.nanoTime());
        eventsVm.setDeferred(true);
        // The first run fills the window a frame after it is listed: the cold first showing of
        // every panel in the same pulse as the first data was the window's longest frame.
        runsVm.autoSelectThrough(pump::nextPulse);
        pump.afterPulse(now -> {
            follower.afterPulse(now);
            overdue.tick(now);
            statusBar.refresh(now);
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
        timeline.setUsual(overdue::usualFor);
        runsVm.setOverdue(overdue::overdue);
        overdue.addListener(timeline::invalidate);
        inspectorVm.setUsual(overdue::usualFor);
        overdue.addEvaluationListener(inspectorVm::updateOverdue);
        errorsVm.totalProperty().subscribe(n -> errorsTab.setText(n.intValue() == 0 ? "Errors" : "Errors (" + n + ")"));
        themes.themeProperty().subscribe(t -> timeline.paletteProperty().set(themes.palette()));
        zoom.install(root);
        timeline.scaleProperty().bind(zoom.canvasScale());
    }

    /** Puts the window together on {@code stage} and starts the pulse. */
    public Scene attach(Stage stage, double width, double height) {
        dialogs.setStage(stage);
        Scene scene = new Scene(root, width, height);
        themes.followDesktop(javafx.application.Platform.getPreferences().colorSchemeProperty());
        themes.install(scene);
        KeyShortcuts.install(scene, actions, () -> dialogs.cheatSheet(actions));
        replay.install(scene, stage);
        stage.setScene(scene);
        // The runs list, not its filter field, takes the first focus: Space and [ ] are the replay's keys.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> runsView.list().requestFocus());
        if (pump.trace() != null) {
            scene.addPreLayoutPulseListener(pump.trace()::layoutStart);
            scene.addPostLayoutPulseListener(pump.trace()::layoutEnd);
        }
        notifier = new RunNotifier(model, noticesVm, stage, desktopBus);
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

    /** Shows a banner under the menu, replacing the one shown before. */
    public void showBanner(String title, String text) {
        banners.show(title, text);
    }

    /** Removes the banner if it is the one titled {@code title} (a notice that no longer holds). */
    public void clearBanner(String title) {
        banners.clear(title);
    }

    /** Opens a log file for replay: indexed in the background, played into the same bridge a live connection feeds. */
    public Feed openFile(Path file) {
        return replay.open(file);
    }

    /** Opens a live connection (and its recording). Problems are shown, never thrown. */
    public Connector.Live connect(ConnectionSettings settings) {
        if (!connections.available()) {
            dialogs.show(Alert.AlertType.ERROR, "Live connections are not available in this build.");
            return null;
        }
        Connector.Live live = connections.open(settings);
        if (live != null) {
            actionHost.connected(settings, live);
            statusBar.setRecording(live.recording());
            search.indexToo(live.recording());
            statusBar.addTraceCounter(live::droppedSpans);
        }
        return live;
    }

    /** The history the comparison and the usual durations come from; the index's, once it is open. */
    public void setHistory(RunHistory history) {
        this.history = history;
        overdue.setHistory(history);
    }

    /** Opens the comparison of the selected run with its baseline; says so when no run is selected. */
    public void compareSelected() {
        if (selection.run() == null) {
            showBanner("Compare", "Select a run first: the comparison sets the selected run beside a baseline.");
            return;
        }
        CompareWindow.open(root.getScene() == null ? null : root.getScene().getWindow(), model, selection.run(), history, names);
    }

    /** The D-Bus address desktop notifications go to (default: the session bus); call before {@link #attach}. */
    public void notifyOnBus(String address) {
        desktopBus = address;
    }

    /** Stops the pulse, closes connections (and their recordings) and the frame store. */
    public void close() {
        pump.stop();
        if (notifier != null) {
            notifier.close();
        }
        pump.writeTrace();
        connections.closeAll();
        background.shutdownNow();
        replay.close();
        search.close();
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

    /** History search (Ctrl+Shift+F) and its index service, which the application starts ({@link #useHistory}). */
    public SearchUi search() {
        return search;
    }

    /** Indexes every recording in the background with {@code service} and searches it; closed with the window. */
    public void useHistory(HistoryService service) {
        search.use(service);
        setHistory(RunHistory.deferred(service::history));
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

    Tab errorsTab() {
        return errorsTab;
    }

    Tab eventsTab() {
        return eventsTab;
    }

    TimelinePane timelinePane() {
        return timelinePane;
    }

    /** The window's actions: what its menu, keys and cheat sheet are built from. */
    public List<Action> actions() {
        return actions;
    }

    /** Start, stop, run again, answer input (the Run menu and the runs' context menu). */
    public RunActions runActions() {
        return runActions;
    }

    public Themes themes() {
        return themes;
    }

    public TextZoom zoom() {
        return zoom;
    }

    /** What the remembered layout covers: the window, its split panes, the two tables, time zone, theme, zoom. */
    public LayoutKeeper.Parts layoutParts(Stage stage) {
        return new LayoutKeeper.Parts(stage, root, List.of(errorsView.table(), eventsView.table()), timeline.zoneProperty(), themes, zoom);
    }

    public List<Connector.Live> connections() {
        return connections.all();
    }
}
