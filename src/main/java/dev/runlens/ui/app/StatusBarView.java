package dev.runlens.ui.app;

import dev.runlens.connect.ConnectionState;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.FeedStatus;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** The status bar: connection state, events per second, backlog, recording file. */
final class StatusBarView extends HBox {
    private final DashboardModel model;
    private final FrameBridge bridge;
    private final Label connection = new Label();
    private final Label rate = new Label();
    private final Label backlog = new Label();
    private final Label recording = new Label();
    private final Label traces = new Label();
    private final List<LongSupplier> droppedSpans = new ArrayList<>();
    private long lastFrames;
    private long lastNanos = -1;

    StatusBarView(DashboardModel model, FrameBridge bridge) {
        this.model = model;
        this.bridge = bridge;
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        connection.setId("status-connection");
        rate.setId("status-rate");
        backlog.setId("status-backlog");
        recording.setId("status-recording");
        traces.setId("status-traces");
        // The figures keep their room when the notice area has something to say.
        rate.setMinWidth(Region.USE_PREF_SIZE);
        backlog.setMinWidth(Region.USE_PREF_SIZE);
        traces.setManaged(false);
        traces.setVisible(false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(connection, rate, backlog, grow, traces, recording);
        setRecording(null);
        refresh(System.nanoTime());
    }

    /** Called after pulses; recomputes the figures about four times a second. */
    void refresh(long nanos) {
        if (lastNanos >= 0 && nanos - lastNanos < 250_000_000L) {
            return;
        }
        long frames = model.frames();
        if (lastNanos >= 0) {
            double perSecond = (frames - lastFrames) / ((nanos - lastNanos) / 1e9);
            rate.setText(String.format("%,.0f events/s", perSecond));
        } else {
            rate.setText("0 events/s");
        }
        lastFrames = frames;
        lastNanos = nanos;
        backlog.setText(String.format("backlog %,d", bridge.backlog()));
        connection.setText(connectionText(model.feeds()));
        refreshTraces();
    }

    /** A connection that sends its runs as traces: its dropped spans are shown (summed over connections). */
    void addTraceCounter(LongSupplier dropped) {
        if (dropped.getAsLong() >= 0) {
            droppedSpans.add(dropped);
            traces.setManaged(true);
            traces.setVisible(true);
            refreshTraces();
        }
    }

    private void refreshTraces() {
        if (droppedSpans.isEmpty()) {
            return;
        }
        long dropped = droppedSpans.stream().mapToLong(s -> Math.max(0, s.getAsLong())).sum();
        traces.setText(String.format("traces: %,d spans dropped", dropped));
    }

    static String connectionText(List<FeedStatus> feeds) {
        int live = 0;
        int files = 0;
        String worst = null;
        for (FeedStatus f : feeds) {
            if (!f.feed().live()) {
                files++;
                continue;
            }
            if (f.state() == ConnectionState.LIVE) {
                live++;
            } else if (f.state() != null && worst == null) {
                worst = f.feed().label() + ": " + f.state().label();
            }
        }
        List<String> parts = new ArrayList<>();
        if (live > 0) {
            parts.add(live == 1 ? "1 connection live" : live + " connections live");
        }
        if (worst != null) {
            parts.add(worst);
        }
        if (files > 0) {
            parts.add(files == 1 ? "1 file" : files + " files");
        }
        return parts.isEmpty() ? "Not connected" : String.join(" · ", parts);
    }

    /** The notice area (ui.notify) takes the room after the figures; it never covers the panels. */
    void addNotices(Node area) {
        getChildren().add(getChildren().indexOf(backlog) + 1, area);
    }

    void setRecording(Path file) {
        recording.setText(file == null ? "not recording" : "recording " + file);
    }
}
