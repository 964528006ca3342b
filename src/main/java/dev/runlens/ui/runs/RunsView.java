package dev.runlens.ui.runs;

import dev.runlens.protocol.RunRef;
import dev.runlens.ui.controls.LazyTooltip;
import dev.runlens.ui.theme.StatusStyle;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs list (left). Cells show status icon and colour, elapsed time ticking, counts, connection.
 * The list holds each run's reference, which never changes, and its cells draw the run as it is
 * now: a run that changed status is redrawn at once, counters at most four times a second (only the
 * visible cells, whatever the number of runs), instead of replacing list items (which cleared and
 * restored the selection, restyling the cell, on every pulse); the clock redraws them once a second.
 */
public final class RunsView extends BorderPane {
    private final RunsViewModel vm;
    private final ListView<RunRef> list;
    private final Label noRuns = new Label("No runs yet");
    private final Label noMatch = new Label("No run matches the filter");
    private final List<RunCell> cells = new ArrayList<>();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> redrawAll()));
    /**
     * Redraws the visible cells when counters moved. A live run changes in every pulse; redrawing
     * its cell that often re-measured the cell and every pane above it each frame, for counters
     * nobody can read at 60 a second. A change of status is drawn at once.
     */
    private final PauseTransition redrawCounts = new PauseTransition(COUNTS_EVERY);
    static final Duration COUNTS_EVERY = Duration.millis(250);
    /** The narrowest the pane gets, in units of its text size. */
    static final double MIN_WIDTH_EM = 200 / 13.0;

    public RunsView(RunsViewModel vm) {
        this.vm = vm;
        this.list = new ListView<>(vm.shown());
        createView();
        initListeners();
    }

    private void createView() {
        Label title = new Label("Runs");
        title.getStyleClass().add("pane-title");
        list.setId("runs-list");
        list.setFixedCellSize(46);
        list.setCellFactory(l -> {
            RunCell c = new RunCell(vm);
            cells.add(c);
            return c;
        });
        list.setPlaceholder(noRuns);
        RunsFilterBar filters = new RunsFilterBar(vm);
        setTop(new VBox(4, title, filters));
        setCenter(list);
        // 200 px at the default 13 px text, and as much more as the text is zoomed.
        minWidthProperty().bind(filters.textFont().map(f -> Math.ceil(MIN_WIDTH_EM * f.getSize())));
        clock.setCycleCount(Timeline.INDEFINITE);
        redrawCounts.setOnFinished(e -> redrawAll());
    }

    private void initListeners() {
        vm.shown().addListener((ListChangeListener<RunRef>) c -> {
            // A run that moved (a new status under the status sort) is selected again where it went.
            showSelected(vm.selection().run());
            Label placeholder = vm.rows().isEmpty() ? noRuns : noMatch;
            if (list.getPlaceholder() != placeholder) {
                list.setPlaceholder(placeholder);
            }
        });
        vm.rows().addListener((ListChangeListener<RunRow>) c -> {
            // A row is taken again only when its run's status, end or connection changed: drawn at once.
            boolean structural = false;
            while (c.next()) {
                if (c.wasReplaced() && c.getAddedSize() == c.getRemovedSize()) {
                    c.getAddedSubList().forEach(r -> redraw(r.ref()));
                } else if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    structural = true;
                }
            }
            if (structural) {
                redrawAll();
            }
        });
        vm.countsChangedProperty().subscribe((before, now) -> {
            if (redrawCounts.getStatus() != Animation.Status.RUNNING) {
                redrawCounts.playFromStart();
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(ref -> {
            if (ref != null && !ref.equals(vm.selection().run())) {
                vm.selection().runProperty().set(ref);
            }
        });
        vm.selection().runProperty().subscribe(this::showSelected);
        sceneProperty().flatMap(s -> s.windowProperty()).flatMap(w -> w.showingProperty()).subscribe(showing -> {
            if (Boolean.TRUE.equals(showing)) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    private void redraw(RunRef ref) {
        for (RunCell c : cells) {
            if (ref.equals(c.getItem())) {
                c.draw();
            }
        }
    }

    private void redrawAll() {
        for (RunCell c : cells) {
            c.draw();
        }
    }

    private void showSelected(RunRef ref) {
        if (ref != null && !ref.equals(list.getSelectionModel().getSelectedItem()) && vm.shown().contains(ref)) {
            list.getSelectionModel().select(ref);
        }
    }

    public ListView<RunRef> list() {
        return list;
    }

    private static final class RunCell extends ListCell<RunRef> {
        private final RunsViewModel vm;
        private final StackPane icon = new StackPane();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(8, icon, new VBox(2, name, detail));
        private StatusStyle shown;

        RunCell(RunsViewModel vm) {
            this.vm = vm;
            // As wide as the list, never wider: the flow lays its cells out again whenever a text in
            // one changes, and a cell wider than the list was first sized to the list, then to its
            // text, repainting the whole cell twice for every redraw of its counters. A cut text ends
            // in an ellipsis, and the whole row is one hover away.
            setPrefWidth(0);
            LazyTooltip.showing(this, () -> name.getText() + "\n" + detail.getText());
            icon.setMinSize(14, 14);
            icon.setPrefSize(14, 14);
            name.getStyleClass().add("run-name");
            detail.getStyleClass().add("run-detail");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RunRef ref, boolean empty) {
            super.updateItem(ref, empty);
            draw();
        }

        /** Shows the latest row of this cell's run. */
        void draw() {
            RunRow row = isEmpty() || getItem() == null ? null : vm.row(getItem());
            if (row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Instant now = Instant.now();
            StatusStyle style = StatusStyle.of(row.status());
            // Style changes cost a CSS pass: only touch what changed.
            if (style != shown) {
                shown = style;
                icon.getChildren().setAll(style.icon(12));
                name.getStyleClass().removeIf(c -> c.startsWith("status-"));
                name.getStyleClass().add(style.styleClass());
            }
            name.setText(row.name() + "  " + style.label());
            boolean stale = row.stale(now);
            detail.setText((stale ? "STALE · " : "") + (vm.overdue(row.ref()) ? "OVERDUE · " : "") + row.detail(now));
            if (stale != detail.getStyleClass().contains("run-stale")) {
                if (stale) {
                    detail.getStyleClass().add("run-stale");
                } else {
                    detail.getStyleClass().remove("run-stale");
                }
            }
            setText(null);
            if (getGraphic() != box) {
                setGraphic(box);
            }
        }
    }
}
