package dev.runlens.ui.inspector;

import dev.runlens.value.Masking;
import dev.runlens.json.Json;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.inspector.InspectorItems.ErrorItem;
import dev.runlens.ui.inspector.InspectorItems.LogItem;
import dev.runlens.ui.inspector.InspectorItems.PayloadDoc;
import dev.runlens.ui.inspector.InspectorItems.RawItem;
import dev.runlens.ui.inspector.InspectorItems.Tab;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import dev.runlens.ui.controls.JoinWhenShown;
import dev.runlens.ui.controls.LazyTooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The inspector (right): Input, Output (latest first), Errors, Logs and Raw for the selection. */
public final class InspectorView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final InspectorViewModel vm;
    private final TabPane tabs = new TabPane();
    private final javafx.scene.control.Tab inputTab = new javafx.scene.control.Tab("Input");
    private final javafx.scene.control.Tab outputTab = new javafx.scene.control.Tab("Output");
    private final javafx.scene.control.Tab errorsTab = new javafx.scene.control.Tab("Errors");
    private final javafx.scene.control.Tab logsTab = new javafx.scene.control.Tab("Logs");
    private final javafx.scene.control.Tab rawTab = new javafx.scene.control.Tab("Raw");
    private final PayloadView inputView;
    private final PayloadView outputView;
    private final ListView<PayloadDoc> outputList = new ListView<>();
    private final ListView<ErrorItem> errorList = new ListView<>();
    private final TextArea errorDetail = new TextArea();
    private final ListView<LogItem> logList = new ListView<>();
    private final ListView<RawItem> rawList = new ListView<>();
    private final TextArea rawText = new TextArea();
    private final CheckBox reveal = new CheckBox("Reveal secrets");
    private final InputWaitPane inputWait = new InputWaitPane();

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        this.inputView = new PayloadView("No input for this selection", vm.revealSecretsProperty(), vm::showAnyway,
                (d, f) -> vm.saveToFile(d, f.toPath()));
        this.outputView = new PayloadView("No output yet", vm.revealSecretsProperty(), vm::showAnyway,
                (d, f) -> vm.saveToFile(d, f.toPath()));
        createView();
        initListeners();
    }

    private void createView() {
        setId("inspector");
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(vm.titleProperty());
        title.setId("inspector-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(vm.subtitleProperty());
        subtitle.getStyleClass().add("run-detail");
        subtitle.setPadding(new Insets(0, 6, 4, 6));
        // Shown only when loading takes a while: most loads take milliseconds, and an animated
        // spinner flashing on every reload costs a CSS pass and a repaint for nothing.
        Label busy = new Label("loading…");
        busy.getStyleClass().add("run-detail");
        busy.setId("inspector-loading");
        busy.setVisible(false);
        javafx.animation.PauseTransition slow = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        slow.setOnFinished(e -> busy.setVisible(vm.loadingProperty().get()));
        vm.loadingProperty().subscribe(loading -> {
            if (loading) {
                slow.playFromStart();
            } else {
                slow.stop();
                busy.setVisible(false);
            }
        });
        reveal.setId("reveal-secrets");
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        reveal.selectedProperty().bindBidirectional(vm.revealSecretsProperty());
        LazyTooltip.set(reveal, "Show values of keys that look secret (api_key, token, password…), also when copying");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, title, grow, busy, reveal);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(0, 6, 0, 0));
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.setPadding(new Insets(0, 6, 0, 6));
        // A running execution past its node's usual time (decision 0053), updated once a second.
        Label overdue = new Label();
        overdue.setId("inspector-overdue");
        overdue.getStyleClass().add("overdue-note");
        overdue.textProperty().bind(vm.overdueProperty());
        overdue.setWrapText(true);
        overdue.visibleProperty().bind(overdue.textProperty().isNotEmpty());
        overdue.managedProperty().bind(overdue.visibleProperty());
        overdue.setPadding(new Insets(0, 6, 4, 6));
        VBox top = new VBox(head, subtitle, overdue, message);
        // The input form (45 nodes) joins when a selection first waits for input.
        JoinWhenShown.join(inputWait, () -> top.getChildren().add(inputWait));
        setTop(top);

        inputTab.setContent(inputView);
        outputList.setId("output-list");
        outputList.setFixedCellSize(24);
        textCells(outputList, d -> d.label() + "   " + time(d.time()) + (d.tooBig() ? "   " + InspectorViewModel.sizeText(d.size()) : ""));
        outputList.setPlaceholder(new Label("No output yet"));
        dev.runlens.ui.controls.LazyTabContent.set(outputTab, split(outputList, outputView, 0.22));

        errorList.setId("inspector-errors");
        errorList.setPlaceholder(new Label("No errors"));
        errorList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ErrorItem e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : time(e.time()) + "  " + e.message());
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().remove("error-message");
                if (!empty && e != null) {
                    getStyleClass().add("error-message");
                }
            }
        });
        errorDetail.setEditable(false);
        errorDetail.getStyleClass().add("mono");
        dev.runlens.ui.controls.LazyTabContent.set(errorsTab, split(errorList, errorDetail, 0.6));

        logList.setPlaceholder(new Label("No log lines"));
        logList.setFixedCellSize(22);
        textCells(logList, g -> time(g.time()) + "  " + (g.level() == null ? "" : g.level() + "  ")
                + (g.module() == null ? "" : g.module() + ": ") + g.content());
        dev.runlens.ui.controls.LazyTabContent.set(logsTab, logList);

        rawList.setId("raw-list");
        rawList.setFixedCellSize(22);
        textCells(rawList, r -> "#" + r.sequence() + "  " + r.kind() + "  " + InspectorViewModel.sizeText(r.ref().length()));
        rawText.setEditable(false);
        rawText.setWrapText(true);
        rawText.getStyleClass().add("mono");
        rawText.setId("raw-text");
        dev.runlens.ui.controls.LazyTabContent.set(rawTab, split(rawList, rawText, 0.35));

        for (javafx.scene.control.Tab t : new javafx.scene.control.Tab[] {inputTab, outputTab, errorsTab, logsTab, rawTab}) {
            t.setClosable(false);
        }
        tabs.getTabs().setAll(inputTab, outputTab, errorsTab, logsTab, rawTab);
        tabs.setId("inspector-tabs");
        setCenter(tabs);
        setMinWidth(260);
    }

    /** Cells that show {@code text} of their item. */
    private static <T> void textCells(ListView<T> list, Function<T, String> text) {
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
    }

    private static SplitPane split(Node top, Node bottom, double divider) {
        SplitPane s = new SplitPane(top, bottom);
        s.setOrientation(Orientation.VERTICAL);
        s.setDividerPositions(divider);
        return s;
    }

    private void initListeners() {
        vm.inputProperty().subscribe(inputView::show);
        vm.outputs().addListener((ListChangeListener<PayloadDoc>) c -> {
            outputsTitle();
            if (vm.outputs().isEmpty()) {
                outputView.show(null);
                return;
            }
            // Show the same output as before a reload (or the latest), without waiting for the
            // list, whose selection is reset by the replacement after this listener runs.
            PayloadDoc selected = outputList.getSelectionModel().getSelectedItem();
            int i = Math.max(0, selected == null ? -1 : indexOfSame(selected));
            outputView.show(vm.outputs().get(i));
            FxThread.later(() -> {
                if (i < vm.outputs().size()) {
                    outputList.getSelectionModel().select(i);
                }
            });
        });
        outputList.setItems(vm.outputs());
        outputList.getSelectionModel().selectedItemProperty().subscribe(d -> {
            if (d != null) {
                outputView.show(d);
            }
        });
        errorList.setItems(vm.errors());
        vm.errors().addListener((ListChangeListener<ErrorItem>) c -> {
            errorsTab.setText(vm.errors().isEmpty() ? "Errors" : "Errors (" + vm.errors().size() + ")");
            if (!vm.errors().isEmpty() && errorList.getSelectionModel().isEmpty()) {
                errorList.getSelectionModel().select(0);
            }
        });
        errorList.getSelectionModel().selectedItemProperty().subscribe(e ->
                errorDetail.setText(e == null ? "" : e.message() + (e.detail() == null ? ""
                        : "\n\n" + Json.pretty(vm.revealSecretsProperty().get() ? e.detail() : Masking.mask(e.detail())))));
        logList.setItems(vm.logs());
        vm.logs().addListener((ListChangeListener<LogItem>) c ->
                logsTab.setText(vm.logs().isEmpty() ? "Logs" : "Logs (" + vm.logs().size() + ")"));
        rawList.setItems(vm.raw());
        rawList.getSelectionModel().selectedItemProperty().subscribe(r -> rawText.setText(r == null ? "" : vm.rawText(r)));
        vm.raw().addListener((ListChangeListener<RawItem>) c -> {
            if (!vm.raw().isEmpty() && rawList.getSelectionModel().isEmpty()) {
                rawList.getSelectionModel().select(0);
            }
        });
        vm.revealSecretsProperty().subscribe(r -> {
            RawItem item = rawList.getSelectionModel().getSelectedItem();
            rawText.setText(item == null ? "" : vm.rawText(item));
        });
        vm.preferredTabProperty().subscribe(this::selectTab);
    }

    private int indexOfSame(PayloadDoc d) {
        return IntStream.range(0, vm.outputs().size()).filter(i -> vm.outputs().get(i).ref().equals(d.ref())).findFirst().orElse(-1);
    }

    private void outputsTitle() {
        outputTab.setText(vm.outputs().isEmpty() ? "Output" : "Output (" + vm.outputs().size() + ")");
    }

    public void selectTab(Tab t) {
        javafx.scene.control.Tab target = switch (t) {
            case INPUT -> inputTab;
            case OUTPUT -> outputTab;
            case ERRORS -> errorsTab;
            case LOGS -> logsTab;
            case RAW -> rawTab;
        };
        tabs.getSelectionModel().select(target);
    }

    private static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }

    public PayloadView inputView() {
        return inputView;
    }

    /** The "Waiting for input" section, shown while the selected run waits. */
    public InputWaitPane inputWait() {
        return inputWait;
    }

    public TabPane tabs() {
        return tabs;
    }
}
