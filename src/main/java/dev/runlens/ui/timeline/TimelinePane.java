package dev.runlens.ui.timeline;

import dev.runlens.ui.theme.StatusStyle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import dev.runlens.ui.controls.LazyTooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The timeline with its toolbar (time zone, fit) and a legend of status colours and shapes. */
public final class TimelinePane extends BorderPane {
    private final TimelineView view;
    private final ChoiceBox<TimeZoneMode> zone = new ChoiceBox<>();
    private final Label title = new Label("Node timeline");

    public TimelinePane(TimelineView view) {
        this.view = view;
        createView();
        initListeners();
    }

    private void createView() {
        title.getStyleClass().add("pane-title");
        zone.getItems().setAll(TimeZoneMode.values());
        zone.setValue(view.zoneProperty().get());
        zone.setId("timeline-zone");
        LazyTooltip.set(zone, "Time axis: UTC, local time or relative to the run's start (Z)");
        Button fit = new Button("Fit");
        fit.setId("timeline-fit");
        dev.runlens.ui.theme.Icons.on(fit, org.kordamp.ikonli.feather.Feather.MAXIMIZE_2, false);
        LazyTooltip.set(fit, "Fit the whole run (F)");
        fit.setOnAction(e -> view.fit());
        fit.setFocusTraversable(false);
        HBox legend = new HBox(10);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (StatusStyle s : StatusStyle.values()) {
            Label l = new Label(s.label(), s.icon(10));
            l.setGraphicTextGap(4);
            legend.getChildren().add(l);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        title.setMinWidth(0);
        zone.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, title, grow, zone, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 0));
        legend.setPadding(new Insets(3, 8, 3, 8));
        legend.getStyleClass().add("timeline-legend");
        setTop(bar);
        setCenter(view);
        setBottom(legend);
    }

    private void initListeners() {
        zone.valueProperty().subscribe(z -> view.zoneProperty().set(z));
        view.zoneProperty().subscribe(z -> zone.setValue(z));
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** Cycles UTC → local → relative. */
    public void cycleZone() {
        TimeZoneMode[] all = TimeZoneMode.values();
        view.zoneProperty().set(all[(view.zoneProperty().get().ordinal() + 1) % all.length]);
    }
}
