package dev.runlens.ui.replay;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.BackgroundPriorityTest;
import dev.runlens.replay.LogGenerator;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.ErrorKind;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.FrameRef;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.runlens.ui.replay.ReplayWindow.fx;
import static dev.runlens.ui.replay.ReplayWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long seeks forwards restore the state at the target in one step, like seeks backwards: the
 * window then shows exactly what playing up to there shows (model, event rows, errors), and the
 * rows of the skipped entries read their summaries back from the file when shown.
 */
@ExtendWith(ApplicationExtension.class)
class ForwardSeekTest {
    @TempDir
    Path dir;
    private Dashboard dashboard;
    private ReplayWindow window;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(null);
        dashboard.attach(stage, 1280, 780);
        stage.show();
        window = new ReplayWindow(dashboard);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    /** Opens {@code log} at maximum speed and waits until it has played to its end. */
    private void playToEnd(Path log) throws Exception {
        fx(() -> {
            window.controller().paceProperty().set(Pace.MAX);
            return dashboard.openFile(log);
        });
        waitFor(() -> window.controller().active() != null && window.controller().allFinished());
    }

    /** A row as the event log shows it, with its execution by key (objects change on restore). */
    private record Shown(long sequence, String kind, String node, Integer times, java.time.Instant time,
                         java.time.Instant receivedAt, String execution) {
        static Shown of(EventRow r) {
            Execution e = r.execution();
            return new Shown(r.sequence(), r.kind(), r.node(), r.times(), r.time(), r.receivedAt(),
                    e == null ? null : e.node() + "#" + e.times());
        }
    }

    private Map<RunRef, List<Shown>> rows() throws Exception {
        return fx(() -> {
            Map<RunRef, List<Shown>> out = new LinkedHashMap<>();
            dashboard.model().runs().forEach(r -> out.put(r.ref(),
                    dashboard.model().track(r.ref()).rows().stream().map(Shown::of).toList()));
            return out;
        });
    }

    /** Summaries by entry, as the live pipeline made them while playing. */
    private Map<Long, String> summaries() throws Exception {
        return fx(() -> {
            Map<Long, String> out = new HashMap<>();
            dashboard.model().runs().forEach(r -> dashboard.model().track(r.ref()).rows()
                    .forEach(row -> out.put(row.sequence(), row.summary())));
            return out;
        });
    }

    /** A generated log with an invalid frame and a line that is not JSON in the middle. */
    private Path logWithDamage() throws Exception {
        Path log = dir.resolve("jumps.jsonl");
        LogGenerator.write(log, 3000, 7);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.add(1200, "{\"stream_id\":1,\"event\":\"NodeStart\",\"data\":{\"time\":\"2025-11-22T08:30:00.031Z\"}}");
        lines.add(2100, "{\"this is\": not json");
        Files.write(log, lines, StandardCharsets.UTF_8);
        return log;
    }

    @Test
    void aLongSeekForwardsShowsWhatPlayingThereShows() throws Exception {
        Path log = logWithDamage();
        playToEnd(log);
        int size = window.index().size();
        assertEquals(2, window.index().malformed().size(), "the two damaged lines");
        Map<RunRef, List<Shown>> played = rows();
        Map<Long, String> playedSummaries = summaries();
        long malformedShown = fx(() -> dashboard.errorsViewModel().totalProperty().get()).longValue();
        window.assertShowsStateAt(size);

        // From the start to the end in one jump: the same runs, rows and errors as playing there.
        window.seek(0);
        window.assertShowsStateAt(0);
        window.seek(size);
        window.assertShowsStateAt(size);
        assertEquals(played, rows());
        assertEquals(malformedShown, fx(() -> dashboard.errorsViewModel().totalProperty().get()).longValue());
        assertEquals(2, fx(() -> dashboard.errorsViewModel().groups().stream()
                .filter(g -> g.first().kind() == ErrorKind.MALFORMED_FRAME || g.first().kind() == ErrorKind.UNREADABLE).count()));

        // Rows keep where their frame is in the log, not its text; the summaries made while playing
        // stay with their entries, and any row reads its summary back from the file the same.
        List<EventRow> jumped = fx(() -> List.copyOf(dashboard.model().track(dashboard.model().runs().get(0).ref()).rows()));
        for (EventRow r : jumped) {
            assertEquals(playedSummaries.get(r.sequence()), r.summary(), "summary kept for entry " + r.sequence());
            FrameRef.InLog ref = assertInstanceOf(FrameRef.InLog.class, r.frame());
            assertEquals(playedSummaries.get(r.sequence()), SpillFile.summary(ref), "summary of entry " + r.sequence());
            assertEquals(window.index().frames().text(ref.entry()), SpillFile.load(ref));
        }

        // The inspector's Raw tab reads a skipped execution's frames back from the file.
        EventRow withExecution = jumped.stream().filter(r -> r.execution() != null).reduce((a, b) -> b).orElseThrow();
        fx(() -> {
            dashboard.selection().select(withExecution.run(), withExecution.execution());
            return null;
        });
        waitFor(() -> !dashboard.inspectorViewModel().loadingProperty().get() && !dashboard.inspectorViewModel().raw().isEmpty());
        List<dev.runlens.ui.inspector.InspectorItems.RawItem> raw = fx(() -> List.copyOf(dashboard.inspectorViewModel().raw()));
        assertTrue(raw.stream().anyMatch(item -> item.sequence() == withExecution.sequence()));
        for (dev.runlens.ui.inspector.InspectorItems.RawItem item : raw) {
            assertEquals(window.index().frames().text((int) item.sequence()), fx(() -> dashboard.inspectorViewModel().rawText(item)));
        }

        // Jumps in the middle, mixed with short steps and seeks backwards.
        for (int p : new int[] {700, 701, 2500, 2499, 1000, 2950, 2960, 100, size}) {
            window.seek(p);
            window.assertShowsStateAt(p);
        }
        assertEquals(played, rows());
    }

    /**
     * Plays {@code log} to its end, then jumps to the start, the end and {@code positions}: the
     * rows, model and errors are those playing gave.
     */
    private void assertJumpsShowWhatPlayingShows(Path log, int... positions) throws Exception {
        playToEnd(log);
        int size = window.index().size();
        Map<RunRef, List<Shown>> played = rows();
        window.assertShowsStateAt(size);
        window.seek(0);
        window.assertShowsStateAt(0);
        window.seek(size);
        window.assertShowsStateAt(size);
        assertEquals(played, rows());
        for (int p : positions) {
            int q = Math.min(p, size);
            window.seek(q);
            window.assertShowsStateAt(q);
        }
        window.seek(size);
        assertEquals(played, rows());
    }

    @Test
    void eventsAfterTheirRunEndedTouchNoExecutionAfterAJump() throws Exception {
        Path log = dir.resolve("late.jsonl");
        LogGenerator.write(log, 3000, 11);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        FinishedRun run = FinishedRun.in(lines);
        int finish = run.finish();
        assertTrue(finish > 0, "the generated log finishes a run");
        // Node events of the finished run sent again after its FlowFinish: counted, touching nothing.
        List<String> late = run.earlier(6, java.util.Set.of("NodeStart", "NodeLog"));
        assertFalse(late.isEmpty());
        lines.addAll(finish + 1, late);
        lines.addAll(late);
        Files.write(log, lines, StandardCharsets.UTF_8);
        assertJumpsShowWhatPlayingShows(log, Math.max(1, finish - 300), finish + 2, finish + 400, lines.size() - 2, 5, lines.size() - 1);
    }

    @Test
    void lyzrRunsJumpToWhatPlayingShows() throws Exception {
        // Lyzr executions are found by task id and name as the events come: forty copies of the docs sample's run.
        List<String> sample = Files.readAllLines(Path.of(System.getProperty("runlens.fixtures"), "lyzr-docs-sample.jsonl"),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            for (String l : sample) {
                lines.add(l.replace("ticket_78453", "ticket_78453-" + k));
            }
        }
        Path log = dir.resolve("lyzr.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        assertJumpsShowWhatPlayingShows(log, 3, 300, 301, 40, 420, 100);
    }

    @Test
    void theEventLogShowsSummariesOfSkippedRowsReadBackFromTheFile() throws Exception {
        Path log = dir.resolve("summaries.jsonl");
        LogGenerator.write(log, 2000, 3);
        playToEnd(log);
        RunRef run = fx(() -> dashboard.model().runs().get(0).ref());
        fx(() -> {
            dashboard.selection().runProperty().set(run);
            dashboard.bottomTabs().getSelectionModel().select(1);
            return null;
        });
        Map<Long, String> played = summaries();
        window.seek(0);
        window.seek(window.index().size());
        // Every summary cell on screen ends up with the summary playing gave that entry.
        waitFor(() -> {
            List<TableCell<?, ?>> cells = summaryCells();
            return !cells.isEmpty() && cells.stream().noneMatch(c -> "…".equals(c.getText()));
        });
        List<TableCell<?, ?>> cells = fx(this::summaryCells);
        assertFalse(cells.isEmpty());
        for (TableCell<?, ?> c : cells) {
            EventRow row = (EventRow) c.getTableRow().getItem();
            assertTrue(Objects.equals(played.get(row.sequence()), c.getText()), "summary of entry " + row.sequence());
        }
    }

    @SuppressWarnings("unchecked")
    private List<TableCell<?, ?>> summaryCells() {
        List<TableCell<?, ?>> out = new ArrayList<>();
        for (javafx.scene.Node n : dashboard.eventLog().lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null && "Summary".equals(c.getTableColumn().getText())
                    && c.getTableRow() != null && c.getTableRow().getItem() != null && c.isVisible()) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aReplaysThreadsRunBelowTheWindow() throws Exception {
        Path log = dir.resolve("nice.jsonl");
        LogGenerator.write(log, 3000, 7);
        // The JIT compilers there before the log opens (on many cores the JVM may add more later).
        List<Integer> compilers = BackgroundPriorityTest.compilerThreads();
        assertFalse(compilers.isEmpty());
        playToEnd(log);
        window.seek(0);
        int base = BackgroundPriorityTest.niceOfThisThread();
        List<Integer> playing = BackgroundPriorityTest.nicesOf("runlens-replay-");
        assertFalse(playing.isEmpty());
        assertTrue(playing.stream().allMatch(n -> n == Math.min(19, base + 4)), "reading, indexing, playing, warming seeks up: " + playing);
        List<Integer> compiling = BackgroundPriorityTest.nicesOf(compilers);
        assertFalse(compiling.isEmpty());
        assertTrue(compiling.stream().allMatch(n -> n == Math.min(19, base + 4)), "the JIT compilers (decision 0092): " + compiling);
        List<Integer> opening = BackgroundPriorityTest.nicesOf("runlens-opener");
        assertFalse(opening.isEmpty());
        assertTrue(opening.stream().allMatch(n -> n == base), "opening a file is not lowered: " + opening);
    }
}
