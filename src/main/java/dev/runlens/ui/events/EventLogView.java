package dev.runlens.ui.events;

import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.rows.EventRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import dev.runlens.ui.controls.LazyTooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The event log tab: a virtualized table (fixed row height) of the selected run's frames, filters
 * and Follow. Scrolling up (wheel, keys, scrollbar) turns Follow off; a button shows how many new
 * events arrived and resumes.
 */
public final class EventLogView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final EventLogViewModel vm;
    private final TableView<EventRow> table = new TableView<>();
    private final RowSummaries summaries = new RowSummaries(table::refresh);
    private final ComboBox<String> kind = new ComboBox<>();
    private final ComboBox<String> node = new ComboBox<>();
    private final TextField text = new TextField();
    private final ToggleButton follow = new ToggleButton("Follow");
    private final Button newEvents = new Button();
    private boolean scrollQueued;
    private long gestureAt = Long.MIN_VALUE / 2;
    private ScrollBar watchedBar;

    public EventLogView(EventLogViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        table.setId("event-log");
        table.setItems(vm.visibleRows());
        table.setFixedCellSize(22);
        table.setPlaceholder(new Label("No events for this selection"));
        TableColumn<EventRow, String> time = col("Time (UTC)", 100, r -> time(r.time() != null ? r.time() : r.receivedAt()));
        TableColumn<EventRow, String> k = col("Kind", 110, EventRow::kind);
        TableColumn<EventRow, String> n = col("Node", 130, r -> r.node() == null ? "" : vm.names().name(r.node()));
        TableColumn<EventRow, String> t = col("Times", 50, r -> r.times() == null ? "" : r.times().toString());
        TableColumn<EventRow, String> s = col("Summary", 500, summaries::of);
        time.setMinWidth(95);
        k.setMinWidth(90);
        t.setMinWidth(45);
        table.getColumns().setAll(List.of(time, k, n, t, s));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        kind.setItems(vm.kinds());
        kind.setId("event-kind-filter");
        LazyTooltip.set(kind, "Show one kind of event");
        node.setItems(vm.nodes());
        node.setId("event-node-filter");
        LazyTooltip.set(node, "Show one node's events");
        text.setPromptText("Filter text");
        text.setId("event-text-filter");
        HBox.setHgrow(text, Priority.ALWAYS);
        follow.setId("event-follow");
        LazyTooltip.set(follow, "Keep the newest event in view (L). Scrolling up turns it off.");
        newEvents.setId("event-new");
        newEvents.getStyleClass().add("new-events");
        dev.runlens.ui.theme.Icons.on(newEvents, org.kordamp.ikonli.feather.Feather.ARROW_DOWN, false)
                .setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        newEvents.setOnAction(e -> vm.resumeFollow());
        HBox bar = new HBox(6, kind, node, text, newEvents, follow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(table);
    }

    private static TableColumn<EventRow, String> col(String title, double width, Function<EventRow, String> f) {
        TableColumn<EventRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void initListeners() {
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        node.valueProperty().bindBidirectional(vm.nodeProperty());
        text.textProperty().bindBidirectional(vm.textProperty());
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        newEvents.visibleProperty().bind(vm.followProperty().not().and(vm.newWhileAwayProperty().greaterThan(0)));
        newEvents.managedProperty().bind(newEvents.visibleProperty());
        newEvents.textProperty().bind(vm.newWhileAwayProperty().asString("%d new events"));
        vm.visibleRows().addListener((ListChangeListener<EventRow>) c -> scrollToEndIfFollowing());
        vm.followProperty().subscribe(f -> {
            if (f) {
                // Follow is back on: an earlier scroll-up must not read the scroll to the end as leaving again.
                gestureAt = Long.MIN_VALUE / 2;
            }
            scrollToEndIfFollowing();
        });
        // Any gesture that leaves the newest row out of view turns Follow off: wheel, keys, scrollbar.
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                vm.userScrolledAway(); // the wheel turned towards older rows
            } else {
                afterGesture();
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode c = e.getCode();
            if (c == KeyCode.UP || c == KeyCode.PAGE_UP || c == KeyCode.HOME) {
                vm.userScrolledAway();
            } else if (c == KeyCode.END) {
                vm.resumeFollow();
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (isOnVerticalScrollBar(e.getPickResult().getIntersectedNode())) {
                afterGesture();
            }
        });
        table.setRowFactory(t -> {
            TableRow<EventRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().execution() != null) {
                    vm.selection().select(row.getItem().run(), row.getItem().execution());
                }
            });
            return row;
        });
    }

    /**
     * Notes an operator's gesture; if the view then moves away from the newest row (now or when
     * the table lays itself out), Follow turns off. Automatic scrolling is not a gesture.
     */
    private void afterGesture() {
        if (!vm.followProperty().get()) {
            return;
        }
        gestureAt = System.nanoTime();
        ScrollBar bar = verticalBar();
        if (bar != null && watchedBar != bar) {
            watchedBar = bar;
            bar.valueProperty().addListener((o, a, b) -> checkAway(bar));
        }
        FxThread.later(() -> checkAway(bar));
    }

    private void checkAway(ScrollBar bar) {
        boolean recent = System.nanoTime() - gestureAt < 2_000_000_000L;
        if (recent && bar != null && vm.followProperty().get() && bar.isVisible() && bar.getValue() < bar.getMax() - 1e-6) {
            vm.userScrolledAway();
        }
    }

    private ScrollBar verticalBar() {
        return (ScrollBar) table.lookupAll(".scroll-bar").stream().filter(EventLogView::isVerticalBar).findFirst().orElse(null);
    }

    private boolean isOnVerticalScrollBar(Node n) {
        for (Node p = n; p != null && p != table; p = p.getParent()) {
            if (isVerticalBar(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerticalBar(Node n) {
        return n instanceof ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL;
    }

    /** One scroll per pulse at most, however many batches changed the list. */
    private void scrollToEndIfFollowing() {
        if (!vm.followProperty().get() || scrollQueued || vm.visibleRows().isEmpty()) {
            return;
        }
        scrollQueued = true;
        FxThread.later(() -> {
            scrollQueued = false;
            if (vm.followProperty().get() && !vm.visibleRows().isEmpty()) {
                table.scrollTo(vm.visibleRows().size() - 1);
                // scrollTo can leave the newest row just below the edge; Follow means the very end.
                ScrollBar bar = verticalBar();
                if (bar != null) {
                    bar.setValue(bar.getMax());
                }
            }
        });
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public TableView<EventRow> table() {
        return table;
    }
}
