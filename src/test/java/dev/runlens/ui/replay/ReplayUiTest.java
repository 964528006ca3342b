package dev.runlens.ui.replay;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.EntryKind;
import dev.runlens.replay.LogGenerator;
import dev.runlens.replay.MarkerKind;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.ui.TestData;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay in the real window: opening, the transport, seeking and markers. */
class ReplayUiTest extends ReplayUiTestSupport {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void seekingBackwardsAndForwardsShowsTheExactStateAtThatPoint() throws Exception {
        Path log = dir.resolve("mixed.jsonl");
        LogGenerator.write(log, 2000, 11);
        openAndPlayToEnd(log);
        int size = index().size();
        assertShowsStateAt(size);
        for (int p : new int[] {size - 1, 137, 1500, 0, 1, size / 2, size}) {
            seek(p);
            assertShowsStateAt(p);
        }
        // Dragging the slider seeks.
        fx(() -> TransportControls.<Slider>of(dashboard, "replay-slider").setValue(300));
        settle(300);
        assertShowsStateAt(300);
        // The recorded time of the playhead's entry is shown.
        seek(500);
        assertEquals(index().time(499).toString(), fx(() -> TransportControls.<Label>of(dashboard, "replay-time").getText()));
    }

    /** Five events an hour apart, with a node error in the middle. */
    private Path hourlyLog() {
        String run = "run-hourly";
        String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":0";
        List<String> lines = List.of(
                TestData.v2(run, "FlowStart", "\"time\":\"2025-11-22T08:00:00.000Z\""),
                TestData.v2(run, "NodeStart", "\"time\":\"2025-11-22T09:00:00.000Z\"," + node + ",\"input\":{\"M\":{}}"),
                TestData.v2(run, "NodeError", "\"time\":\"2025-11-22T10:00:00.000Z\"," + node + ",\"error\":\"boom\""),
                TestData.v2(run, "NodeFinish", "\"time\":\"2025-11-22T11:00:00.000Z\"," + node),
                TestData.v2(run, "FlowFinish", "\"time\":\"2025-11-22T12:00:00.000Z\",\"not_run\":[],\"output\":{\"M\":{}}"));
        return TestData.write(dir, "hourly.jsonl", lines);
    }

    @Test
    void transportPlaysPausesChangesSpeedAndSteps(FxRobot robot) throws Exception {
        fx(() -> controller().paceProperty().set(new Pace(16, false)));
        fx(() -> dashboard.openFile(hourlyLog()));
        waitFor(() -> controller().active() != null && index().isDone() && controller().active().position() == 1);
        // At 16x the next event is 225 s of wall time away: playing, the playhead stays on the first event.
        assertTrue(fx(() -> controller().playingProperty().get()));
        assertEquals("Pause", fx(() -> TransportControls.<Button>of(dashboard, "replay-play").getText()));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(1, fx(() -> controller().active().position()));

        // Space pauses.
        robot.type(KeyCode.SPACE);
        waitFor(() -> !controller().playingProperty().get());
        assertEquals("Play", fx(() -> TransportControls.<Button>of(dashboard, "replay-play").getText()));

        // ] and [ step one event; Shift+] goes to the error; Alt+[ back to the node start.
        robot.type(KeyCode.CLOSE_BRACKET);
        settle(2);
        robot.type(KeyCode.CLOSE_BRACKET);
        settle(3);
        robot.type(KeyCode.OPEN_BRACKET);
        settle(2);
        assertShowsStateAt(2);
        robot.press(KeyCode.SHIFT).type(KeyCode.CLOSE_BRACKET).release(KeyCode.SHIFT);
        settle(3);
        assertEquals(EntryKind.NODE_ERROR, index().kind(2));
        assertShowsStateAt(3);
        robot.press(KeyCode.ALT).type(KeyCode.OPEN_BRACKET).release(KeyCode.ALT);
        settle(2);
        assertEquals(EntryKind.NODE_STARTED, index().kind(1));
        robot.clickOn("#replay-step-back");
        settle(1);
        robot.clickOn("#replay-next-error");
        settle(3);

        // Skipping idle stretches over 1 s at 16x plays the hour-long gaps in a moment.
        robot.clickOn("#replay-skip-idle");
        assertEquals(java.time.Duration.ofSeconds(2), fx(() -> controller().skipIdleProperty().get()), "the default threshold");
        robot.clickOn("#replay-play");
        waitFor(() -> controller().allFinished());
        assertShowsStateAt(5);
        assertFalse(fx(() -> controller().playingProperty().get()));

        // Choosing a speed in the box sets the pace; max plays from the start to the end at once.
        fx(() -> TransportControls.<ComboBox<Pace>>of(dashboard, "replay-pace").setValue(Pace.MAX));
        assertEquals(Pace.MAX, fx(() -> controller().paceProperty().get()));
        fx(() -> controller().skipIdleProperty().set(null));
        robot.clickOn("#replay-play"); // at the end: starts again from the beginning
        waitFor(() -> controller().allFinished());
        assertShowsStateAt(5);
    }

    @Test
    void realTimeWaitsForTheRecordedGap() throws Exception {
        fx(() -> controller().paceProperty().set(new Pace(1, false)));
        fx(() -> dashboard.openFile(hourlyLog()));
        waitFor(() -> controller().active() != null && index().isDone() && controller().active().position() == 1);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(1, fx(() -> controller().active().position()));
        assertTrue(fx(() -> controller().playingProperty().get()));
        assertShowsStateAt(1);
    }

    @Test
    void selectedExecutionStaysSelectedThroughPlayAndSeeks() throws Exception {
        Path log = TestData.write(dir, "loop.jsonl", TestData.v2Run("run-sel", 40, true));
        openAndPlayToEnd(log);
        RunRef run = fx(() -> dashboard.model().runs().get(0).ref());
        String loop = "22222222-2222-4222-8222-222222222222";
        fx(() -> dashboard.selection().select(run, dashboard.model().runModel().run(run).execution(loop, 20)));
        // Before its NodeStart (entry 4 + 3*20) the execution does not exist: nothing selected.
        seek(40);
        assertNull(fx(() -> dashboard.selection().execution()));
        // Playing past it selects it again, and it stays selected as the run goes on.
        fx(() -> controller().paceProperty().set(Pace.MAX));
        fx(() -> controller().setPlaying(true));
        waitFor(() -> controller().allFinished());
        Execution e = fx(() -> dashboard.selection().execution());
        assertNotNull(e);
        assertEquals(loop, e.node());
        assertEquals(20, e.times());
        assertTrue(fx(() -> dashboard.model().runModel().run(run).executions().contains(e)));
        seek(100);
        Execution back = fx(() -> dashboard.selection().execution());
        assertEquals(20, back.times());
        assertEquals(run, fx(() -> dashboard.selection().run()));
        // The timeline's "now" is the playhead's recorded time, not the wall clock.
        assertEquals(index().time(99), fx(() -> controller().playheadTime(run)));
    }

    @Test
    void aSeekKeepsTheTimelineOfARunItLeftAsItWasAndRebuildsItOtherwise() throws Exception {
        // run-a ends at entry 14; run-b goes on past the index's snapshots at 16,384 and 32,768,
        // which both hold run-a's ended run (the same object: shared copy-on-write).
        List<String> lines = new ArrayList<>(TestData.v2Run("run-a", 3, true));
        lines.addAll(TestData.v2Run("run-b", 11_500, false));
        Path log = TestData.write(dir, "two.jsonl", lines);
        fx(() -> controller().open(log, false));
        waitFor(() -> controller().active() != null && index().isDone());
        int size = index().size();
        assertTrue(size > 32_768 + 20);
        RunRef a = new RunRef(dev.runlens.protocol.Source.SPACE_OPERATOR, "run-a");
        seek(size);
        fx(() -> dashboard.selection().select(a, null));
        dev.runlens.ui.timeline.TimelineData shown = fx(() -> dashboard.timeline().data());
        assertSame(fx(() -> dashboard.model().runModel().run(a)), shown.run());
        assertEquals(4, shown.run().executions().size());
        seek(size - 10);
        assertSame(shown, fx(() -> dashboard.timeline().data()), "the same ended run: its timeline (zoom, scroll) is kept");
        assertSame(fx(() -> dashboard.model().runModel().run(a)), shown.run());
        assertShowsStateAt(size - 10);
        // Before run-a's end its run is another object: the timeline shows it as it was then.
        seek(9);
        dev.runlens.ui.timeline.TimelineData early = fx(() -> dashboard.timeline().data());
        assertNotSame(shown, early);
        assertSame(fx(() -> dashboard.model().runModel().run(a)), early.run());
        assertEquals(ReplayEngine.stateAt(index(), 9).run(a).executions().size(), early.run().executions().size());
        assertFalse(early.run().terminal());
        seek(size);
        assertNotSame(early, fx(() -> dashboard.timeline().data()));
        assertTrue(fx(() -> dashboard.timeline().data().run().terminal()));
    }

    @Test
    void seekBarMarksErrorsNodeStartsAndConnectionLines() throws Exception {
        Path log = dir.resolve("mixed.jsonl");
        LogGenerator.write(log, 2000, 5);
        openAndPlayToEnd(log);
        int[] errors = index().markers(MarkerKind.ERROR);
        int[] connection = index().markers(MarkerKind.CONNECTION);
        assertTrue(errors.length > 0 && connection.length > 0);
        SeekMarkers markers = TransportControls.<SeekMarkers>of(dashboard, "replay-markers");
        WritableImage image = fx(() -> {
            javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
            return markers.canvas().snapshot(transparent, null);
        });
        Color error = image.getPixelReader().getColor((int) Math.round(fx(() -> markers.xOf(errors[0]))), (int) image.getHeight() - 2);
        assertEquals(SeekMarkers.COLORS.get(MarkerKind.ERROR), error, "an error tick under the slider at the error's position");
        // A node start far from any taller marker: a short blue tick, the strip above it empty.
        int lone = fx(() -> {
            List<Integer> tall = new ArrayList<>();
            for (MarkerKind k : List.of(MarkerKind.ERROR, MarkerKind.CONNECTION, MarkerKind.MALFORMED)) {
                for (int m : index().markers(k)) {
                    tall.add((int) Math.round(markers.xOf(m)));
                }
            }
            for (int m : index().markers(MarkerKind.NODE_START)) {
                int x = (int) Math.round(markers.xOf(m));
                if (tall.stream().noneMatch(t -> Math.abs(t - x) <= 3)) {
                    return x;
                }
            }
            return -1;
        });
        assertTrue(lone >= 0, "a node start away from other markers");
        assertEquals(SeekMarkers.COLORS.get(MarkerKind.NODE_START), image.getPixelReader().getColor(lone, (int) image.getHeight() - 1));
        assertEquals(0.0, image.getPixelReader().getColor(lone, 0).getOpacity(), "node start ticks are short");
        // Next error from the start lands on the first error.
        seek(0);
        fx(() -> controller().stepMarker(MarkerKind.ERROR, 1));
        settle(errors[0] + 1);
        assertShowsStateAt(errors[0] + 1);
    }
}
