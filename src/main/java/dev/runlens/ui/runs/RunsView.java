package dev.runlens.ui.runs;

import dev.runlens.protocol.RunRef;
import dev.runlens.ui.theme.StatusStyle;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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

/** The runs list (left). Cells show status icon and colour, elapsed time ticking, counts, connection. */
public final class RunsView extends BorderPane {
    private final RunsViewModel vm;
    private final ListView<RunRow> list = new ListView<>();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> list.refresh()));

    public RunsView(RunsViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        Label title = new Label("Runs");
        title.getStyleClass().add("pane-title");
        list.setId("runs-list");
        list.setItems(vm.rows());
        list.setFixedCellSize(46);
        list.setCellFactory(l -> new RunCell());
        list.setPlaceholder(new Label("No runs yet"));
        setTop(title);
        setCenter(list);
        setMinWidth(200);
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    private void initListeners() {
        list.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null && !row.ref().equals(vm.selection().run())) {
                vm.selection().runProperty().set(row.ref());
            }
        });
        vm.selection().runProperty().subscribe(this::showSelected);
        // Row replacements drop the list's selection; put it back.
        vm.rows().subscribe(() -> showSelected(vm.selection().run()));
        sceneProperty().flatMap(s -> s.windowProperty()).flatMap(w -> w.showingProperty()).subscribe(showing -> {
            if (Boolean.TRUE.equals(showing)) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    private void showSelected(RunRef ref) {
        if (ref == null) {
            return;
        }
        RunRow current = list.getSelectionModel().getSelectedItem();
        if (current != null && current.ref().equals(ref) && current == vm.row(ref)) {
            return;
        }
        RunRow row = vm.row(ref);
        if (row != null) {
            list.getSelectionModel().select(row);
        }
    }

    public ListView<RunRow> list() {
        return list;
    }

    private static final class RunCell extends ListCell<RunRow> {
        private final StackPane icon = new StackPane();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(8, icon, new VBox(2, name, detail));
        private StatusStyle shown;

        RunCell() {
            icon.setMinSize(14, 14);
            icon.setPrefSize(14, 14);
            name.getStyleClass().add("run-name");
            detail.getStyleClass().add("run-detail");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Instant now = Instant.now();
            StatusStyle style = StatusStyle.of(row.status());
            // Style changes cost a CSS pass: only touch what changed (cells update every batch).
            if (style != shown) {
                shown = style;
                icon.getChildren().setAll(style.icon(12));
                name.getStyleClass().removeIf(c -> c.startsWith("status-"));
                name.getStyleClass().add(style.styleClass());
            }
            name.setText(row.name() + "  " + style.label());
            boolean stale = row.stale(now);
            detail.setText((stale ? "STALE · " : "") + row.detail(now));
            if (stale != detail.getStyleClass().contains("run-stale")) {
                if (stale) {
                    detail.getStyleClass().add("run-stale");
                } else {
                    detail.getStyleClass().remove("run-stale");
                }
            }
            setText(null);
            setGraphic(box);
        }
    }
}
