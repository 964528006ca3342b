package dev.runlens.ui.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.EntryKind;
import dev.runlens.replay.LogGenerator;
import dev.runlens.replay.MarkerKind;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.summary.FrameStats;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;
import dev.runlens.ui.TestData;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.fx.ErrorKind;
import dev.runlens.ui.fx.EventRow;
import dev.runlens.ui.fx.RunTrack;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay in the real window: opening, the transport, seeking, markers, drag and drop, exports, bad files. */
@ExtendWith(ApplicationExtension.class)
class ReplayUiTest {
    private static Path config;
    private static String oldConfig;
    @TempDir
    Path dir;
    private Dashboard dashboard;

    @BeforeAll
    static void privateConfig() throws Exception {
        config = Files.createTempDirectory("runlens-config");
        oldConfig = System.getProperty("runlens.config.dir");
        System.setProperty("runlens.config.dir", config.toString());
    }

    @AfterAll
    static void restoreConfig() {
        if (oldConfig == null) {
            System.clearProperty("runlens.config.dir");
        } else {
            System.setProperty("runlens.config.dir", oldConfig);
        }
    }

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    private ReplayController controller() {
        return dashboard.replay().controller();
    }

    private ReplayIndex index() {
        return controller().active().session().index();
    }

    /** Opens {@code file} at max pace and waits until it is played to its end. */
    private void openAndPlayToEnd(Path file) throws Exception {
        fx(() -> controller().paceProperty().set(Pace.MAX));
        fx(() -> dashboard.openFile(file));
        waitFor(() -> controller().active() != null && controller().allFinished());
    }

    /** Seeks on the FX thread, as the slider does, and waits until the dashboard shows that position. */
    private void seek(int p) throws Exception {
        fx(() -> controller().seek(p));
        settle(p);
    }

    private void settle(int p) throws Exception {
        waitFor(() -> controller().active().position() == p && controller().active().session().emitted() == p
                && dashboard.bridge().backlog() == 0);
    }

    /** The dashboard's runs, as summary JSON keyed by run id. */
    private Map<String, JsonNode> shownRuns() throws Exception {
        return fx(() -> byId(dashboard.model().runs()));
    }

    private static Map<String, JsonNode> byId(List<Run> runs) {
        Map<String, JsonNode> out = new HashMap<>();
        for (Run r : runs) {
            out.put(r.ref().runId(), SummaryJson.of(List.of(r), new FrameStats()).get("runs").get(0));
        }
        return out;
    }

    /** Checks what the window shows at {@code p} against the model built from scratch there. */
    private void assertShowsStateAt(int p) throws Exception {
        ReplayIndex index = index();
        RunModel expected = ReplayEngine.stateAt(index, p);
        assertEquals(byId(expected.runs()), shownRuns(), "runs at position " + p);
        assertEquals(expected.applied(), (long) fx(() -> dashboard.model().eventsApplied()), "events applied at " + p);
        // Event log rows: one per run event of each run before p, in order.
        Map<RunRef, Integer> rows = new HashMap<>();
        for (int i = 0; i < p; i++) {
            if (index.kind(i).isRunEvent()) {
                rows.merge(index.run(i), 1, Integer::sum);
            }
        }
        for (Run r : expected.runs()) {
            RunTrack t = fx(() -> dashboard.model().track(r.ref()));
            assertEquals(rows.get(r.ref()), t.rows().size(), "rows of " + r.ref().runId() + " at " + p);
            for (EventRow row : t.rows()) {
                assertTrue(row.sequence() < p);
                if (row.execution() != null) {
                    assertTrue(t.run().executions().contains(row.execution()), "row linked to a current execution");
                }
            }
        }
        long errors = 0;
        for (Run r : expected.runs()) {
            errors += r.errors().size() + r.gaps().size();
        }
        long expectedErrors = errors;
        waitFor(() -> dashboard.errorsViewModel().totalProperty().get() == expectedErrors);
        assertEquals(String.valueOf(p), fx(() -> dashboard.replay().transportBar().positionLabel().getText()).split(" ")[1]);
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
        fx(() -> dashboard.replay().transportBar().slider().setValue(300));
        settle(300);
        assertShowsStateAt(300);
        // The recorded time of the playhead's entry is shown.
        seek(500);
        assertEquals(index().time(499).toString(), fx(() -> dashboard.replay().transportBar().timeLabel().getText()));
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
        assertEquals("⏸ Pause", fx(() -> dashboard.replay().transportBar().playButton().getText()));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(1, fx(() -> controller().active().position()));

        // Space pauses.
        robot.type(KeyCode.SPACE);
        waitFor(() -> !controller().playingProperty().get());
        assertEquals("▶ Play", fx(() -> dashboard.replay().transportBar().playButton().getText()));

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
        fx(() -> dashboard.replay().transportBar().paceBox().setValue(Pace.MAX));
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
        SeekMarkers markers = dashboard.replay().transportBar().markers();
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

    /** A Dragboard holding files, as the platform hands one to a drop. */
    @SuppressWarnings("removal")
    private static Dragboard dragboardWith(List<File> files) {
        Map<DataFormat, Object> content = new HashMap<>();
        com.sun.javafx.tk.TKClipboard peer = new com.sun.javafx.tk.TKClipboard() {
            @Override
            public Set<DataFormat> getContentTypes() {
                return new HashSet<>(content.keySet());
            }

            @SafeVarargs
            @Override
            public final boolean putContent(Pair<DataFormat, Object>... pairs) {
                for (Pair<DataFormat, Object> p : pairs) {
                    content.put(p.getKey(), p.getValue());
                }
                return true;
            }

            @Override
            public Object getContent(DataFormat f) {
                return content.get(f);
            }

            @Override
            public boolean hasContent(DataFormat f) {
                return content.containsKey(f);
            }

            @Override
            public Set<TransferMode> getTransferModes() {
                return Set.of(TransferMode.COPY);
            }

            @Override
            public void setDragView(javafx.scene.image.Image image) {
            }

            @Override
            public void setDragViewOffsetX(double x) {
            }

            @Override
            public void setDragViewOffsetY(double y) {
            }

            @Override
            public javafx.scene.image.Image getDragView() {
                return null;
            }

            @Override
            public double getDragViewOffsetX() {
                return 0;
            }

            @Override
            public double getDragViewOffsetY() {
                return 0;
            }
        };
        content.put(DataFormat.FILES, files);
        return com.sun.javafx.scene.input.DragboardHelper.createDragboard(peer);
    }

    @Test
    void droppingFilesOpensEachOfThemAndRemembersThem() throws Exception {
        Path a = TestData.write(dir, "a.jsonl", TestData.v2Run("run-dropped-a", 3, true));
        Path b = TestData.fixture("lyzr-docs-sample");
        Dragboard board = fx(() -> dragboardWith(List.of(a.toFile(), b.toFile())));
        fx(() -> {
            var root = dashboard.root();
            for (var type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
                javafx.event.Event.fireEvent(root, new DragEvent(root, root, type, board, 300, 300, 300, 300,
                        TransferMode.COPY, null, null, null));
            }
        });
        waitFor(() -> controller().transports().size() == 2 && controller().allFinished());
        Set<String> ids = new HashSet<>();
        fx(() -> dashboard.model().runs().forEach(r -> ids.add(r.ref().runId())));
        assertTrue(ids.contains("run-dropped-a"), ids.toString());
        SummaryBuilder lyzr = new SummaryBuilder();
        lyzr.add(b);
        assertEquals(1 + lyzr.model().runs().size(), ids.size(), "every run of both files");
        List<Path> recent = dashboard.replay().recentFiles().load();
        assertEquals(List.of(b.toAbsolutePath().normalize(), a.toAbsolutePath().normalize()), recent);
        assertTrue(dashboard.replay().recentFiles().file().startsWith(config));
        assertFalse(Files.readString(dashboard.replay().recentFiles().file()).contains("token"));
    }

    @Test
    void theSelectedRunSavedWithSecretsMaskedHoldsNoSecretAndOpensToTheSameRun() throws Exception {
        Path fixture = TestData.fixture("lyzr-docs-sample");
        openAndPlayToEnd(fixture);
        RunRef run = fx(() -> dashboard.model().runs().get(0).ref());
        fx(() -> dashboard.selection().runProperty().set(run));
        assertTrue(fx(() -> dashboard.replay().fileMenuItems().stream()
                .anyMatch(m -> "Save selected run as log, secrets masked…".equals(m.getText()))));

        Path masked = dir.resolve("masked.jsonl");
        fx(() -> dashboard.replay().saveRunsAsLog(masked, false, true)).get(10, TimeUnit.SECONDS);
        String text = Files.readString(masked);
        for (String secret : List.of("sk-prod-sentiment-key", "sf_prod_token_xyz")) {
            assertTrue(Files.readString(fixture).contains(secret), "the fixture holds " + secret);
            assertFalse(text.contains(secret), "the masked log holds " + secret);
        }
        assertTrue(text.contains(dev.runlens.export.Redactor.REDACTED));
        SummaryBuilder original = new SummaryBuilder();
        original.add(fixture);
        SummaryBuilder reread = new SummaryBuilder();
        reread.add(masked);
        assertEquals(1, reread.model().runs().size());
        Run kept = original.model().runs().stream().filter(r -> r.ref().equals(run)).findFirst().orElseThrow();
        assertEquals(kept.events(), reread.model().runs().get(0).events());
        assertEquals(kept.status(), reread.model().runs().get(0).status());
        assertEquals(kept.executions().size(), reread.model().runs().get(0).executions().size());
    }

    @Test
    void eachExportWritesItsFile() throws Exception {
        Path fixture = TestData.fixture("space-operator-v2-failed-run");
        openAndPlayToEnd(fixture);
        RunRef run = fx(() -> dashboard.model().runs().get(0).ref());
        fx(() -> dashboard.selection().runProperty().set(run));
        JsonNode expected = Json.parse(Files.readString(TestData.fixture("space-operator-v2-failed-run").resolveSibling(
                "space-operator-v2-failed-run.summary.json")));

        Path log = dir.resolve("saved.jsonl");
        fx(() -> dashboard.replay().saveRunsAsLog(log, false)).get(10, TimeUnit.SECONDS);
        SummaryBuilder reread = new SummaryBuilder();
        reread.add(log);
        assertEquals(expected.get("runs"), reread.toJson().get("runs"), "the saved log holds the whole run");
        assertTrue(Files.readString(log).startsWith("{\"runlens\":\"session-log\""));

        Path summary = dir.resolve("summary.json");
        fx(() -> dashboard.replay().exportSummary(summary)).get(10, TimeUnit.SECONDS);
        JsonNode s = Json.parse(Files.readString(summary));
        assertEquals(expected.get("runs"), s.get("runs"));
        assertEquals(10, s.get("frames").get("total").asInt());

        Path csv = dir.resolve("executions.csv");
        fx(() -> dashboard.replay().exportCsv(csv)).get(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(dev.runlens.export.ExecutionsCsv.HEADER, lines.get(0));
        assertEquals(1 + expected.get("runs").get(0).get("executions").size(), lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains(TestData.FAILING_NODE) && l.contains(",failed,")
                && l.contains("insufficient funds")), lines.toString());

        // Exports show the playhead's state: back at the start of the failing node, it is running.
        int failingStart = -1;
        for (int i = 0; i < index().size(); i++) {
            if (index().kind(i) == EntryKind.NODE_STARTED && TestData.FAILING_NODE.equals(index().node(i))) {
                failingStart = i;
            }
        }
        seek(failingStart + 1);
        Path early = dir.resolve("early.csv");
        fx(() -> dashboard.replay().exportCsv(early)).get(10, TimeUnit.SECONDS);
        assertTrue(Files.readAllLines(early).stream().anyMatch(l -> l.contains(TestData.FAILING_NODE) && l.contains(",running,")));

        Path png = dir.resolve("timeline.png");
        fx(() -> dashboard.replay().exportTimelinePng(png)).get(10, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals((int) Math.ceil(fx(() -> dashboard.timeline().canvas().getWidth())), image.getWidth());
    }

    @Test
    void badFilesSaySoPlainlyAndMalformedFramesAreListed() throws Exception {
        Path notALog = dir.resolve("notes.txt");
        Files.writeString(notALog, "Dear operator,\nthis is not a log at all.\n");
        fx(() -> dashboard.openFile(notALog));
        waitFor(() -> controller().problemProperty().get().contains("notes.txt"));
        assertTrue(fx(() -> dashboard.replay().transportBar().problemLabel().isVisible()));
        assertTrue(fx(() -> dashboard.replay().transportBar().problemLabel().getText().startsWith("Cannot open notes.txt: ")));

        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        fx(() -> dashboard.openFile(empty));
        waitFor(() -> controller().problemProperty().get().contains("empty.jsonl"));

        fx(() -> dashboard.openFile(dir.resolve("missing.jsonl")));
        waitFor(() -> controller().problemProperty().get().equals("Cannot open missing.jsonl: no such file"));
        waitFor(() -> dashboard.errorsViewModel().groups().stream().filter(g -> g.first().kind() == ErrorKind.UNREADABLE).count() == 3);

        // A log with an invalid frame and a torn (not JSON) one opens; both are listed as problems.
        List<String> lines = new ArrayList<>(TestData.v2Run("run-damaged", 2, true));
        lines.add(3, "{\"stream_id\":7,\"event\":\"NodeStart\",\"data\":{\"time\":\"2025-11-22T08:30:00.031Z\"}}");
        lines.add(5, "{\"stream_id\":7,\"event\":\"NodeLog\",\"data\":{\"ti");
        Path damaged = TestData.write(dir, "damaged.jsonl", lines);
        openAndPlayToEnd(damaged);
        waitFor(() -> dashboard.errorsViewModel().groups().stream().filter(g -> g.first().kind() == ErrorKind.MALFORMED_FRAME).count() == 2);
        assertEquals("run-damaged", fx(() -> dashboard.model().runs().get(0).ref().runId()));
        assertEquals(dev.runlens.model.RunStatus.SUCCEEDED, fx(() -> dashboard.model().runs().get(0).status()));
        assertEquals("", fx(() -> controller().problemProperty().get()), "damage in the middle is listed, not a failure");
        assertTrue(controller().failures().stream().noneMatch(f -> f.contains("damaged.jsonl")));
        // After a seek back and forth the malformed frames are still listed, once each.
        seek(2);
        waitFor(() -> dashboard.errorsViewModel().groups().stream().noneMatch(g -> g.first().kind() == ErrorKind.MALFORMED_FRAME));
        seek(index().size());
        waitFor(() -> dashboard.errorsViewModel().groups().stream().filter(g -> g.first().kind() == ErrorKind.MALFORMED_FRAME).count() == 2);

        // A file cut off in its last line opens what it holds and says it is truncated.
        List<String> cutLines = new ArrayList<>(TestData.v2Run("run-cut", 2, false));
        cutLines.add("{\"stream_id\":7,\"event\":\"NodeLog\",\"data\":{\"ti");
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), String.join("\n", cutLines), StandardCharsets.UTF_8);
        fx(() -> dashboard.openFile(cut));
        waitFor(() -> controller().problemProperty().get().startsWith("cut.jsonl is truncated ("));
        assertTrue(fx(() -> dashboard.replay().transportBar().problemLabel().getText().endsWith(
                "the " + (cutLines.size() - 1) + " entries before the cut are shown")));
        assertTrue(controller().failures().stream().anyMatch(f -> f.startsWith("cut.jsonl is truncated")));
        waitFor(() -> dashboard.model().runs().stream().anyMatch(r -> r.ref().runId().equals("run-cut")));
    }
}
