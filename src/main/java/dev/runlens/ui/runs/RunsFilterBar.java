package dev.runlens.ui.runs;

import dev.runlens.model.RunStatus;
import dev.runlens.protocol.Source;
import dev.runlens.ui.dashboard.Feed;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import dev.runlens.ui.controls.LazyTooltip;
import javafx.scene.control.Control;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The runs list's filter (text, status, protocol, connection) and sort. Each choice goes straight to
 * the view model. The text takes the pane's width (its prompt no longer sets its minimum); the four
 * choices wrap onto as many rows as the pane's width needs, each at its own width but never wider
 * than the pane, so that every control stays whole and reachable however narrow the pane is.
 */
final class RunsFilterBar extends VBox {
    private final RunsViewModel vm;
    private final TextField text = new TextField();
    private final ComboBox<RunStatus> status = choice("runs-status", "Any status", RunStatus::id);
    private final ComboBox<Source> protocol = choice("runs-protocol", "Any protocol", s -> s == Source.LYZR ? "Lyzr" : "Space Operator");
    private final ComboBox<Feed> connection = choice("runs-connection", "Any connection", Feed::label);
    private final ComboBox<RunSort> sort = new ComboBox<>();

    RunsFilterBar(RunsViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        text.setId("runs-filter");
        text.setPromptText("Filter runs: id, flow, node");
        LazyTooltip.set(text, "Shows the runs whose id, flow name or node ids contain this text");
        status.getItems().addAll(null, RunStatus.FAILED, RunStatus.RUNNING, RunStatus.SUCCEEDED);
        protocol.getItems().addAll(null, Source.SPACE_OPERATOR, Source.LYZR);
        connection.getItems().add(null);
        sort.setId("runs-sort");
        sort.getItems().setAll(RunSort.values());
        sort.setValue(vm.sortProperty().get());
        LazyTooltip.set(sort, "Order of the runs");
        // The prompt would otherwise make the field's minimum as wide as the prompt, wider than a narrow pane.
        text.setMinWidth(0);
        FlowPane choices = new FlowPane(4, 4, status, protocol, connection, sort);
        for (Control c : List.of(status, protocol, connection, sort)) {
            // Never wider than the pane: a choice alone on its row is shortened rather than cut off.
            c.setMinWidth(0);
            c.maxWidthProperty().bind(choices.widthProperty());
        }
        setSpacing(4);
        getChildren().setAll(text, choices);
    }

    private void initListeners() {
        text.textProperty().subscribe(t -> vm.filterProperty().set(vm.filterProperty().get().withText(t)));
        status.valueProperty().subscribe(s -> vm.filterProperty().set(vm.filterProperty().get().withStatus(s)));
        protocol.valueProperty().subscribe(p -> vm.filterProperty().set(vm.filterProperty().get().withProtocol(p)));
        connection.valueProperty().subscribe(f -> vm.filterProperty().set(vm.filterProperty().get().withFeed(f)));
        sort.valueProperty().subscribe(s -> vm.sortProperty().set(s == null ? RunSort.FIRST_SEEN : s));
        vm.feeds().addListener((ListChangeListener<Feed>) c -> {
            Feed chosen = connection.getValue();
            List<Feed> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.feeds());
            connection.getItems().setAll(items);
            connection.setValue(chosen != null && vm.feeds().contains(chosen) ? chosen : null);
        });
    }

    /** The font of the filter's text (the window's text size, zoom included). */
    javafx.beans.value.ObservableValue<javafx.scene.text.Font> textFont() {
        return text.fontProperty();
    }

    /** A choice whose empty value (null) reads {@code any}. */
    private static <T> ComboBox<T> choice(String id, String any, Function<T, String> label) {
        ObservableList<T> items = FXCollections.observableArrayList();
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setPromptText(any);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? any : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
