package dev.runlens.ui.notify;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The notice area, a strip of the status bar (decision 0047): it takes no room from the panels and
 * never covers them. It shows the combined count of ended runs, the newest failure as a link that
 * selects it, the latest connection news, and a dismiss button; it is hidden while there is nothing to say.
 */
public final class NoticeArea extends HBox {
    private static final double MAX_TEXT_WIDTH = 380;
    private final NoticesViewModel vm;
    private final Label runs = new Label();
    private final Hyperlink failure = new Hyperlink();
    private final Label connection = new Label();
    private final Button dismiss = new Button("Dismiss");

    public NoticeArea(NoticesViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        setId("notice-area");
        getStyleClass().add("notice-area");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setFillHeight(false);
        runs.setId("notice-runs");
        failure.setId("notice-failure");
        failure.getStyleClass().add("notice-failure");
        connection.setId("notice-connection");
        dismiss.setId("notice-dismiss");
        dismiss.getStyleClass().addAll("notice-dismiss", "small");
        dismiss.setAccessibleText("Dismiss the notices");
        dismiss.setFocusTraversable(false);
        // The counts and the button keep their room; long names shorten in the middle, so that the
        // area never pushes the status bar's own figures out.
        runs.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        failure.setTooltip(new Tooltip());
        failure.setMinWidth(240);
        failure.setMaxWidth(MAX_TEXT_WIDTH);
        connection.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        connection.setMinWidth(60);
        connection.setMaxWidth(MAX_TEXT_WIDTH);
        HBox.setHgrow(failure, Priority.SOMETIMES);
        setAccessibleRole(AccessibleRole.TEXT);
        getChildren().addAll(runs, failure, connection, dismiss);
    }

    private void initListeners() {
        runs.textProperty().bind(vm.runsProperty());
        vm.runsProperty().subscribe(t -> show(runs, !t.isEmpty()));
        vm.failureProperty().subscribe(f -> {
            failure.setText(f == null ? "" : f.sentence());
            failure.getTooltip().setText(f == null ? "" : f.sentence() + " (click to open)");
            failure.setAccessibleText(f == null ? "" : "Open the newest failure: " + f.sentence());
            show(failure, f != null);
        });
        connection.textProperty().bind(vm.connectionProperty());
        vm.connectionProperty().subscribe(t -> show(connection, !t.isEmpty()));
        accessibleTextProperty().bind(vm.accessibleTextProperty());
        // Only hidden, never unmanaged: the area keeps its height in the status bar (below).
        vm.showingProperty().subscribe(this::setVisible);
        failure.setOnAction(e -> {
            failure.setVisited(false);
            vm.openNewestFailure();
        });
        dismiss.setOnAction(e -> vm.dismiss());
    }

    /*
     * As tall with nothing to say as with a notice: a status bar that grew when the area showed
     * (the dismiss button is taller than a label) laid out every panel above it again, 78 ms of one
     * pulse as a run ended at 20,000 events/s, and moved the panels under the operator's pointer.
     */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(super.computeMinHeight(width), shownHeight());
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width), shownHeight());
    }

    private double shownHeight() {
        return snappedTopInset() + dismiss.prefHeight(-1) + snappedBottomInset();
    }

    private static void show(javafx.scene.Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
