package dev.runlens.ui.replay;

import dev.runlens.replay.MarkerKind;
import dev.runlens.ui.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import dev.runlens.ui.controls.LazyTooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.time.Duration;
import java.util.List;

/**
 * The replay transport: step and marker buttons, play/pause, pace, idle skipping, the seek slider
 * with its marker strip, the playhead's entry index and recorded time, the indexing progress, and
 * a plain line when a file cannot be read. Shown only while a file is open.
 */
public final class TransportBar extends VBox {
    static final List<Duration> IDLE_THRESHOLDS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));
    private final ReplayController controller;
    private final Button play = new Button("Play", Icons.of(Feather.PLAY));
    private final ComboBox<Pace> pace = new ComboBox<>();
    private final CheckBox skipIdle = new CheckBox("Skip idle over");
    private final ComboBox<Duration> idle = new ComboBox<>();
    private final Slider slider = new Slider(0, 0, 0);
    private final SeekMarkers markers = new SeekMarkers();
    private final Label where = new Label();
    private final Label time = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label problem = new Label();
    private final HBox controls = new HBox(6);
    private boolean updating;

    public TransportBar(ReplayController controller) {
        this.controller = controller;
        createView();
        initListeners();
    }

    private void createView() {
        setId("transport-bar");
        getStyleClass().add("transport-bar");
        setPadding(new Insets(4, 10, 4, 10));
        setSpacing(2);
        play.setId("replay-play");
        play.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pace.setId("replay-pace");
        pace.getItems().setAll(Pace.ALL);
        skipIdle.setId("replay-skip-idle");
        idle.setId("replay-idle-threshold");
        idle.getItems().setAll(IDLE_THRESHOLDS);
        idle.setValue(Duration.ofSeconds(2));
        idle.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String s) {
                return Duration.ofSeconds(Long.parseLong(s.replace("s", "").trim()));
            }
        });
        slider.setId("replay-slider");
        markers.setId("replay-markers");
        where.setId("replay-position");
        time.setId("replay-time");
        progress.setId("replay-progress");
        progress.setPrefWidth(120);
        problem.setId("replay-problem");
        problem.getStyleClass().add("banner-title");
        problem.setWrapText(true);
        VBox seek = new VBox(0, slider, markers);
        HBox.setHgrow(seek, Priority.ALWAYS);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getChildren().addAll(
                button(Feather.SKIP_BACK, "replay-prev-error", "Previous error (Shift+[)", () -> controller.stepMarker(MarkerKind.ERROR, -1)),
                button(Feather.CHEVRONS_LEFT, "replay-prev-node", "Previous node start (Alt+[)",
                        () -> controller.stepMarker(MarkerKind.NODE_START, -1)),
                button(Feather.CHEVRON_LEFT, "replay-step-back", "Previous event ([)", () -> controller.step(-1)),
                play,
                button(Feather.CHEVRON_RIGHT, "replay-step-forward", "Next event (])", () -> controller.step(1)),
                button(Feather.CHEVRONS_RIGHT, "replay-next-node", "Next node start (Alt+])",
                        () -> controller.stepMarker(MarkerKind.NODE_START, 1)),
                button(Feather.SKIP_FORWARD, "replay-next-error", "Next error (Shift+])", () -> controller.stepMarker(MarkerKind.ERROR, 1)),
                pace, skipIdle, idle, seek, where, time, progress);
        getChildren().addAll(controls, problem);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    /** An icon button; its tooltip is also its accessible text. */
    private Button button(Ikon icon, String id, String tip, Runnable action) {
        Button b = Icons.on(new Button(tip), icon, true);
        b.setId(id);
        LazyTooltip.set(b, tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void initListeners() {
        play.setOnAction(e -> controller.togglePlay());
        play.setFocusTraversable(false);
        controller.playingProperty().subscribe(p -> {
            play.setText(p ? "Pause" : "Play");
            ((org.kordamp.ikonli.javafx.FontIcon) play.getGraphic()).setIconCode(p ? Feather.PAUSE : Feather.PLAY);
        });
        pace.valueProperty().subscribe(p -> {
            if (p != null) {
                controller.paceProperty().set(p);
            }
        });
        controller.paceProperty().subscribe(p -> pace.setValue(p));
        skipIdle.selectedProperty().subscribe(s -> applyIdle());
        idle.valueProperty().subscribe(d -> applyIdle());
        controller.sizeProperty().subscribe(n -> {
            updating = true;
            slider.setMax(n.intValue());
            updating = false;
            markers.setSize(n.intValue());
        });
        controller.positionProperty().subscribe(p -> {
            updating = true;
            slider.setValue(p.intValue());
            updating = false;
        });
        where.textProperty().bind(Bindings.format("event %d / %d", controller.positionProperty(), controller.sizeProperty()));
        slider.valueProperty().subscribe(v -> {
            if (!updating) {
                controller.seek((int) Math.round(v.doubleValue()));
            }
        });
        controller.timeTextProperty().subscribe(time::setText);
        progress.progressProperty().bind(controller.progressProperty());
        progress.visibleProperty().bind(controller.progressProperty().lessThan(1));
        problem.textProperty().bind(controller.problemProperty());
        controller.activeProperty().subscribe(t -> {
            markers.setIndex(t == null ? null : t.session().index());
            markers.setSize(controller.sizeProperty().get());
        });
        visibleProperty().bind(controller.activeProperty().isNotNull().or(controller.problemProperty().isNotEmpty()));
        controls.visibleProperty().bind(controller.activeProperty().isNotNull());
        controls.managedProperty().bind(controls.visibleProperty());
    }

    private void applyIdle() {
        controller.skipIdleProperty().set(skipIdle.isSelected() ? idle.getValue() : null);
    }

    /** Called each pulse: the marker strip follows a file that is still being indexed. */
    public void refresh() {
        markers.refresh();
    }
}
