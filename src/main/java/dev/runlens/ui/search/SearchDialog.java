package dev.runlens.ui.search;

import dev.runlens.history.SearchHit;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Search across every recorded run (Ctrl+Shift+F): a query field, the hits with their matched words
 * in bold, one sentence when the query cannot be read. Enter or a double click opens the hit.
 */
public final class SearchDialog {
    private final SearchViewModel vm;
    private final Consumer<SearchHit> open;
    private final Stage stage = new Stage();
    private final TextField query = new TextField();
    private final Label problem = new Label();
    private final Label status = new Label();
    private final ListView<SearchHit> list = new ListView<>(null);

    public SearchDialog(SearchViewModel vm, Consumer<SearchHit> open) {
        this.vm = vm;
        this.open = open;
        createView();
        initListeners();
    }

    private void createView() {
        query.setId("search-query");
        query.setPromptText("error text, a value, status:failed node:ID flow:NAME protocol:lyzr after:2026-11-01 duration>5s");
        problem.setId("search-problem");
        problem.getStyleClass().add("search-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        status.setId("search-status");
        list.setId("search-results");
        list.setItems(vm.hits());
        list.setFixedCellSize(58);
        list.setCellFactory(l -> new HitCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, query, problem, status, list);
        box.setPadding(new Insets(10));
        stage.setTitle("Search all runs");
        stage.initModality(Modality.NONE);
        stage.setScene(new Scene(box, 900, 560));
    }

    private void initListeners() {
        query.textProperty().subscribe(vm::queryChanged);
        problem.textProperty().bind(vm.problemProperty());
        status.textProperty().bind(vm.statusProperty());
        query.setOnAction(e -> openSelected(true));
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) {
                    list.getSelectionModel().select(0);
                }
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(false);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected(false);
            }
        });
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
    }

    /** Opens the selected hit (from the field: the first one when none is selected). */
    private void openSelected(boolean firstIfNone) {
        SearchHit hit = list.getSelectionModel().getSelectedItem();
        if (hit == null && firstIfNone && !list.getItems().isEmpty()) {
            hit = list.getItems().get(0);
        }
        if (hit != null) {
            open.accept(hit);
        }
    }

    public void show(Window owner) {
        if (stage.getOwner() == null && owner != null) {
            stage.initOwner(owner);
        }
        stage.show();
        stage.toFront();
        query.requestFocus();
        query.selectAll();
    }

    public void close() {
        stage.hide();
        vm.close();
    }

    /** Two lines: where and what, then the snippet with the matched words bold. */
    private static final class HitCell extends ListCell<SearchHit> {
        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            String node = hit.node() == null ? "the run" : hit.node() + " #" + hit.times();
            Text head = new Text((hit.started() == null ? "" : hit.started() + "  ") + hit.status() + "  " + node
                    + (hit.durationMillis() == null ? "" : "  " + hit.durationMillis() + " ms")
                    + "  ·  " + hit.protocol() + " " + hit.run() + "  ·  " + hit.recording().getFileName() + "\n");
            head.getStyleClass().add("search-hit-head");
            TextFlow flow = new TextFlow(head);
            int at = 0;
            String s = hit.snippet();
            for (int[] h : hit.highlights()) {
                flow.getChildren().add(new Text(s.substring(at, h[0])));
                Text match = new Text(s.substring(h[0], h[1]));
                match.getStyleClass().add("search-match");
                match.setStyle("-fx-font-weight: bold;");
                flow.getChildren().add(match);
                at = h[1];
            }
            flow.getChildren().add(new Text(s.substring(at)));
            flow.setMaxHeight(54);
            setGraphic(flow);
        }
    }
}
