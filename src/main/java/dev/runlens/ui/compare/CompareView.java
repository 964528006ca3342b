package dev.runlens.ui.compare;

import dev.runlens.compare.Comparison;
import dev.runlens.compare.ComparisonText;
import dev.runlens.compare.Difference;
import dev.runlens.compare.ExecutionComparison;
import dev.runlens.history.PastRun;
import dev.runlens.ui.timeline.NodeNames;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The comparison of a run with its baseline: a header naming both, a table per node and
 * iteration, and the structural diff of the selected row (the first differing output unless the
 * user picked another row). Marks carry the meaning without colour: = ≠ ∅ · … and + - ~.
 */
public final class CompareView extends BorderPane {
    /** Okabe-Ito colours, told apart with any colour vision; the marks say the same in text. */
    private static final Color ADDED = Color.web("#0072B2");
    private static final Color REMOVED = Color.web("#D55E00");
    private static final Color CHANGED = Color.web("#CC79A7");

    private final CompareViewModel vm;
    private final NodeNames names;
    private final Label header = new Label();
    private final Label problem = new Label();
    private final Button pick = new Button("Pick baseline…");
    private final ContextMenu pickMenu = new ContextMenu();
    private final TableView<ExecutionComparison> table = new TableView<>();
    private final Label diffTitle = new Label();
    private final ListView<Difference> diff = new ListView<>();
    private boolean userChose;
    private boolean selecting;

    public CompareView(CompareViewModel vm, NodeNames names) {
        this.vm = vm;
        this.names = names;
        createView();
        initListeners();
    }

    private void createView() {
        setId("compare-view");
        header.setId("compare-header");
        header.setWrapText(true);
        problem.setId("compare-problem");
        problem.setTextFill(REMOVED);
        problem.setWrapText(true);
        pick.setId("compare-pick");
        pickMenu.setId("compare-pick-menu");
        HBox bar = new HBox(10, header, pick);
        HBox.setHgrow(header, Priority.ALWAYS);
        header.setMaxWidth(Double.MAX_VALUE);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, problem);
        top.setPadding(new Insets(8));
        setTop(top);
        table.setId("compare-table");
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("No executions to compare yet"));
        table.getColumns().setAll(List.of(
                column("node", 180, r -> names.name(r.key().node())),
                column("iter", 50, r -> Integer.toString(r.key().times())),
                column("status A", 90, r -> ComparisonText.status(r.a())),
                column("status B", 90, r -> ComparisonText.status(r.b())),
                column("duration A", 90, r -> ComparisonText.duration(r.durationA())),
                column("duration B", 90, r -> ComparisonText.duration(r.durationB())),
                column("Δ", 90, r -> ComparisonText.delta(r.delta())),
                column("ratio", 70, r -> ComparisonText.ratio(r.ratio())),
                column("input", 90, r -> r.input().mark() + " " + r.input().id()),
                column("output", 90, r -> r.output().mark() + " " + r.output().id())));
        diff.setId("compare-diff");
        diff.setFixedCellSize(22);
        diff.setPlaceholder(new Label("No difference"));
        diff.setCellFactory(l -> new DiffCell());
        diffTitle.setId("compare-diff-title");
        VBox lower = new VBox(4, diffTitle, diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        lower.setPadding(new Insets(4, 8, 8, 8));
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    private void initListeners() {
        header.textProperty().bind(vm.headerProperty());
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        vm.comparisonProperty().subscribe(this::show);
        table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (!selecting && row != null) {
                userChose = true;
            }
            showDiff(row);
        });
        pick.setOnAction(e -> {
            fillPickMenu();
            pickMenu.show(pick, Side.BOTTOM, 0, 0);
        });
    }

    private static TableColumn<ExecutionComparison, String> column(String title, double width,
                                                                   Function<ExecutionComparison, String> text) {
        TableColumn<ExecutionComparison, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    /** A new comparison (once per batch at most): the rows, and the selection kept or set to the first difference. */
    private void show(Comparison c) {
        ExecutionComparison before = table.getSelectionModel().getSelectedItem();
        selecting = true;
        try {
            table.getItems().setAll(c == null ? List.of() : c.rows());
            if (c == null) {
                return;
            }
            int index = -1;
            if (userChose && before != null) {
                index = indexOf(c, before);
            }
            if (index < 0) {
                index = c.firstDifferingOutput();
            }
            if (index >= 0) {
                table.getSelectionModel().select(index);
                if (!userChose) {
                    table.scrollTo(index);
                }
            }
        } finally {
            selecting = false;
        }
        showDiff(table.getSelectionModel().getSelectedItem());
    }

    private static int indexOf(Comparison c, ExecutionComparison row) {
        return IntStream.range(0, c.rows().size()).filter(i -> c.rows().get(i).key().equals(row.key())).findFirst().orElse(-1);
    }

    private void showDiff(ExecutionComparison row) {
        Comparison c = vm.comparisonProperty().get();
        if (c == null || row == null) {
            diffTitle.setText(c == null ? "" : "Select a row to see how its output differs");
            diff.getItems().clear();
            return;
        }
        String where = names.name(row.key().node()) + " #" + row.key().times();
        boolean input = !row.output().differs() && row.input().differs();
        List<Difference> d = input ? c.inputDiff(row) : c.outputDiff(row);
        String what = input ? "Input" : "Output";
        diffTitle.setText(switch (input ? row.input() : row.output()) {
            case PENDING -> what + " of " + where + ": pending (the run has not finished it yet)";
            case NONE -> what + " of " + where + ": neither run has one";
            default -> what + " of " + where + ", baseline → run: " + count(d);
        });
        diff.getItems().setAll(d);
    }

    private static String count(List<Difference> d) {
        if (d.isEmpty()) {
            return "equal";
        }
        long added = d.stream().filter(x -> x.kind() == Difference.Kind.ADDED).count();
        long removed = d.stream().filter(x -> x.kind() == Difference.Kind.REMOVED).count();
        return (d.size() - added - removed) + " changed, " + added + " added, " + removed + " removed";
    }

    private void fillPickMenu() {
        pickMenu.getItems().clear();
        List<PastRun> past = vm.pastRuns();
        if (past.isEmpty()) {
            MenuItem none = new MenuItem("No succeeded run of this flow in the history");
            none.setDisable(true);
            pickMenu.getItems().add(none);
        }
        for (PastRun p : past.subList(0, Math.min(15, past.size()))) {
            MenuItem item = new MenuItem(p.run().runId() + "  ·  " + (p.started() == null ? "" : p.started() + "  ·  ")
                    + p.recording().getFileName());
            item.setOnAction(e -> vm.pick(p));
            pickMenu.getItems().add(item);
        }
        MenuItem file = new MenuItem("From a file…");
        file.setId("compare-pick-file");
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Pick a baseline recording");
            File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                vm.pickFile(chosen.toPath());
            }
        });
        pickMenu.getItems().addAll(new SeparatorMenuItem(), file);
    }

    /** A difference as its line, coloured by kind; the mark at its start says the kind without colour. */
    private static final class DiffCell extends ListCell<Difference> {
        @Override
        protected void updateItem(Difference d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setText(null);
                return;
            }
            setText(d.line());
            setTextFill(switch (d.kind()) {
                case ADDED -> ADDED;
                case REMOVED -> REMOVED;
                case CHANGED -> CHANGED;
            });
        }
    }
}
