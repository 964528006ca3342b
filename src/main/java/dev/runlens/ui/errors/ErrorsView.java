package dev.runlens.ui.errors;

import dev.runlens.ui.timeline.NodeNames;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Errors tab: time, kind, run, node, message, count. Double-click or Enter jumps to the execution. */
public final class ErrorsView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final ErrorsViewModel vm;
    private final NodeNames names;
    private final TableView<ErrorGroup> table = new TableView<>();

    public ErrorsView(ErrorsViewModel vm, NodeNames names) {
        this.vm = vm;
        this.names = names;
        createView();
        initListeners();
    }

    private void createView() {
        table.setId("errors-table");
        table.setItems(vm.groups());
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("No errors. Node errors, flow errors, failed tasks and connection problems appear here."));
        TableColumn<ErrorGroup, String> time = col("Time (UTC)", 100, g -> g.first().time() == null ? "–" : TIME.format(g.first().time()));
        TableColumn<ErrorGroup, String> kind = col("Kind", 120, g -> g.first().kind().label());
        TableColumn<ErrorGroup, String> run = col("Run", 150, g -> g.first().run() == null
                ? (g.first().feed() == null ? "" : g.first().feed().label()) : g.first().run().runId());
        TableColumn<ErrorGroup, String> node = col("Node", 120, g -> g.first().node() == null ? ""
                : names.name(g.first().node()) + (g.first().times() == null ? "" : " #" + g.first().times()));
        TableColumn<ErrorGroup, Number> count = new TableColumn<>("Count");
        count.setCellValueFactory(c -> c.getValue().countProperty());
        count.setPrefWidth(60);
        count.setMinWidth(50);
        time.setMinWidth(95);
        kind.setMinWidth(105);
        TableColumn<ErrorGroup, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> c.getValue().messageProperty());
        message.setPrefWidth(420);
        table.getColumns().setAll(List.of(time, kind, run, node, count, message));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setCenter(table);
    }

    private static TableColumn<ErrorGroup, String> col(String title, double width,
                                                        java.util.function.Function<ErrorGroup, String> f) {
        TableColumn<ErrorGroup, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void initListeners() {
        table.setRowFactory(t -> {
            TableRow<ErrorGroup> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.jump(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.jump(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        vm.currentProperty().subscribe(i -> {
            int v = i.intValue();
            if (v >= 0 && v < vm.groups().size() && table.getSelectionModel().getSelectedIndex() != v) {
                table.getSelectionModel().select(v);
                table.scrollTo(Math.max(0, v - 2));
            }
        });
    }

    public TableView<ErrorGroup> table() {
        return table;
    }

}
