package dev.runlens.ui.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.EntryKind;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.ErrorKind;
import javafx.scene.control.Label;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

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
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay in the real window, the files side: drag and drop, saving, exports, bad files. */
class ReplayFilesUiTest extends ReplayUiTestSupport {
    @Start
    void start(Stage stage) {
        open(stage);
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
        assertTrue(fx(() -> dashboard.replay().fileActions().stream()
                .anyMatch(a -> "Save selected run as log, secrets masked…".equals(a.label()))));

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
        assertTrue(fx(() -> TransportControls.<Label>of(dashboard, "replay-problem").isVisible()));
        assertTrue(fx(() -> TransportControls.<Label>of(dashboard, "replay-problem").getText().startsWith("Cannot open notes.txt: ")));

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
        assertTrue(fx(() -> TransportControls.<Label>of(dashboard, "replay-problem").getText().endsWith(
                "the " + (cutLines.size() - 1) + " entries before the cut are shown")));
        assertTrue(controller().failures().stream().anyMatch(f -> f.startsWith("cut.jsonl is truncated")));
        waitFor(() -> dashboard.model().runs().stream().anyMatch(r -> r.ref().runId().equals("run-cut")));
    }
}
