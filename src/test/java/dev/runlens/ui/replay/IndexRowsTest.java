package dev.runlens.ui.replay;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.LogGenerator;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.TestData;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.rows.EventRow;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.runlens.ui.replay.ReplayWindow.fx;
import static dev.runlens.ui.replay.ReplayWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replayed run's event rows are a view over the replay index: after any seek, forwards or
 * backwards, and while playing on from there, they are exactly the rows the live pipeline makes
 * when it reads the same file up to that point (the file read by {@code FileFeed} into a model of
 * its own), the window's model equals the one rebuilt from scratch there, and the event log's
 * filters offer the kinds and nodes of those rows.
 */
@ExtendWith(ApplicationExtension.class)
class IndexRowsTest {
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

    /** A row as the event log shows it, its execution by key; receive times only where the log records them. */
    private record Shown(long sequence, String kind, String node, Integer times, Instant time, Instant receivedAt,
                         String execution) {
        static Shown of(EventRow r, boolean received) {
            Execution e = r.execution();
            return new Shown(r.sequence(), r.kind(), r.node(), r.times(), r.time(), received ? r.receivedAt() : null,
                    e == null ? null : e.node() + "#" + e.times());
        }
    }

    /**
     * The live pipeline's rows of the whole file, by run, each with its entry in the index as its
     * sequence (the live pipeline numbers frames; the index numbers every line, meta lines too).
     */
    private Map<RunRef, List<EventRow>> live(Path log) {
        ReplayIndex index = window.index();
        Map<Long, Integer> entryOfFrame = new java.util.HashMap<>();
        for (int i = 0; i < index.size(); i++) {
            if (index.entry(i).sequence() >= 0) {
                entryOfFrame.put((long) index.entry(i).sequence(), i);
            }
        }
        DashboardModel model = TestData.load(log);
        Map<RunRef, List<EventRow>> out = new LinkedHashMap<>();
        for (Run r : model.runs()) {
            out.put(r.ref(), model.track(r.ref()).rows().stream().map(e -> new EventRow(entryOfFrame.get(e.sequence()),
                    e.receivedAt(), e.time(), e.kind(), e.node(), e.times(), e.summary(), e.frame(), e.run(), e.execution()))
                    .toList());
        }
        return out;
    }

    private static Map<RunRef, List<Shown>> below(Map<RunRef, List<EventRow>> live, int p, boolean received) {
        Map<RunRef, List<Shown>> out = new LinkedHashMap<>();
        live.forEach((ref, rows) -> {
            List<Shown> shown = rows.stream().filter(r -> r.sequence() < p).map(r -> Shown.of(r, received)).toList();
            if (!shown.isEmpty()) {
                out.put(ref, shown);
            }
        });
        return out;
    }

    private Map<RunRef, List<Shown>> shown(boolean received) throws Exception {
        return fx(() -> {
            Map<RunRef, List<Shown>> out = new LinkedHashMap<>();
            for (Run r : dashboard.model().runs()) {
                List<Shown> rows = dashboard.model().track(r.ref()).rows().stream().map(row -> Shown.of(row, received)).toList();
                if (!rows.isEmpty()) {
                    out.put(r.ref(), rows);
                }
            }
            return out;
        });
    }

    /** Opens {@code log} without playing and waits until it is fully indexed. */
    private void openPaused(Path log) throws Exception {
        fx(() -> window.controller().open(log, false));
        waitFor(() -> window.controller().active() != null && window.index().isDone());
    }

    /** Seeks to each position and checks model, rows, the filters' choices and the rows of each execution. */
    private void assertSeeksShowLiveRows(Map<RunRef, List<EventRow>> live, boolean received, int... positions) throws Exception {
        for (int p : positions) {
            int q = Math.min(p, window.index().size());
            window.seek(q);
            window.assertShowsStateAt(q);
            Map<RunRef, List<Shown>> expected = below(live, q, received);
            assertEquals(expected, shown(received), "rows at " + q);
            for (Map.Entry<RunRef, List<Shown>> e : expected.entrySet()) {
                TrackedRun track = fx(() -> dashboard.model().track(e.getKey()));
                assertEquals(new ArrayList<>(new LinkedHashSet<>(e.getValue().stream().map(Shown::kind).toList())),
                        fx(track::kinds), "kinds offered at " + q);
                assertEquals(new ArrayList<>(new LinkedHashSet<>(e.getValue().stream().map(Shown::node).filter(Objects::nonNull)
                        .toList())), fx(track::nodes), "nodes offered at " + q);
                Run run = fx(track::run);
                assertSame(run, fx(() -> dashboard.model().runModel().run(e.getKey())));
                // Every execution's rows (found from the columns) against the live rows of it.
                Map<String, List<Shown>> byExecution = fx(() -> {
                    Map<String, List<Shown>> m = new LinkedHashMap<>();
                    for (Execution x : run.executions()) {
                        m.put(x.node() + "#" + x.times(), track.rows(x).stream().map(r -> Shown.of(r, received)).toList());
                    }
                    return m;
                });
                for (Map.Entry<String, List<Shown>> x : byExecution.entrySet()) {
                    assertEquals(e.getValue().stream().filter(s -> x.getKey().equals(s.execution())).toList(), x.getValue(),
                            "rows of " + x.getKey() + " at " + q);
                }
                assertEquals(e.getValue().stream().filter(s -> s.execution() == null).toList(),
                        fx(() -> track.rows(null).stream().map(r -> Shown.of(r, received)).toList()), "run-level rows at " + q);
            }
        }
    }

    @Test
    void rowsAfterSeeksEitherWayAreThoseTheLivePipelineMakes() throws Exception {
        Path log = dir.resolve("seeks.jsonl");
        LogGenerator.write(log, 3000, 5);
        // Events of a run sent again after its end touch no execution: run-level rows of it.
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        FinishedRun finished = FinishedRun.in(lines);
        assertTrue(finished.finish() > 0, "the generated log finishes a run");
        List<String> late = finished.earlier(6, java.util.Set.of("NodeStart", "NodeLog"));
        assertFalse(late.isEmpty());
        lines.addAll(finished.finish() + 1, late);
        Files.write(log, lines, StandardCharsets.UTF_8);
        openPaused(log);
        Map<RunRef, List<EventRow>> live = live(log);
        int size = window.index().size();
        int end = finished.finish() + late.size() + 2;
        assertSeeksShowLiveRows(live, true, size, 1500, 1501, 1499, 10, 0, end, 2000, 700, 2999, 1, end - 4, size);
    }

    @Test
    void lyzrRowsAfterSeeksAreThoseTheLivePipelineMakes() throws Exception {
        // Lyzr executions depend on the state when each event came (task ids, latest by name).
        List<String> sample = Files.readAllLines(Path.of(System.getProperty("runlens.fixtures"), "lyzr-docs-sample.jsonl"),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            for (String l : sample) {
                lines.add(l.replace("ticket_78453", "ticket_78453-" + (k % 7)));
            }
        }
        Path log = dir.resolve("lyzr.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        openPaused(log);
        Map<RunRef, List<EventRow>> live = live(log);
        int size = window.index().size();
        // JSON Lines without receive times: the live pipeline stamps its own, so those are left out.
        assertSeeksShowLiveRows(live, false, size, 3, 300, 301, 40, size - 1, 100, 0, size);
    }

    @Test
    void playingOnAfterASeekShowsTheLiveRowsAndKeepsTheirSummaries() throws Exception {
        Path log = dir.resolve("play.jsonl");
        LogGenerator.write(log, 2000, 9);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        // Events of a run sent again after its FlowFinish: counted, touching nothing; the window's
        // run, shared with the replay's snapshots after a seek, is copied by that first change.
        FinishedRun finished = FinishedRun.in(lines);
        int finish = finished.finish();
        assertTrue(finish > 0, "the generated log finishes a run");
        List<String> late = finished.earlier(4, java.util.Set.of("NodeStart"));
        assertFalse(late.isEmpty());
        lines.addAll(lines.size() - 5, late);
        // Past the index's first snapshot (entry 16,384), taken after the run ended: a seek there
        // hands the window a model whose ended run is shared with that snapshot. Padding: 16,000
        // copies of a log line of another run, still going.
        String pad = finished.anotherRunsAfter("NodeLog");
        assertNotNull(pad);
        lines.addAll(finish + 1, java.util.Collections.nCopies(16_000, pad));
        Files.write(log, lines, StandardCharsets.UTF_8);
        openPaused(log);
        Map<RunRef, List<EventRow>> live = live(log);
        Map<Long, String> liveSummaries = new LinkedHashMap<>();
        live.values().forEach(rows -> rows.forEach(r -> liveSummaries.put(r.sequence(), r.summary())));

        int size = window.index().size();
        int from = 17_000;
        window.seek(from);
        RunRef ended = fx(() -> dashboard.model().runs().stream().filter(Run::terminal).findFirst().orElseThrow().ref());
        Run atSeek = fx(() -> dashboard.model().runModel().run(ended));
        fx(() -> {
            window.controller().paceProperty().set(Pace.MAX);
            window.controller().setPlaying(true);
            return null;
        });
        waitFor(() -> window.controller().allFinished());
        window.assertShowsStateAt(size);
        assertEquals(below(live, size, true), shown(true));
        // Rows played carry the summaries the live pipeline made; rows a seek skipped carry none.
        Map<Long, String> summaries = fx(() -> {
            Map<Long, String> out = new LinkedHashMap<>();
            dashboard.model().runs().forEach(r -> dashboard.model().track(r.ref()).rows()
                    .forEach(row -> out.put(row.sequence(), row.summary())));
            return out;
        });
        summaries.forEach((seq, s) -> {
            if (seq < from) {
                assertNull(s, "entry " + seq + " was skipped");
            } else {
                assertEquals(liveSummaries.get(seq), s, "entry " + seq + " was played");
            }
        });
        // The ended run that got late events is the model's run, and its rows link to its executions.
        Run run = fx(() -> dashboard.model().runModel().run(ended));
        TrackedRun track = fx(() -> dashboard.model().track(ended));
        assertNotSame(atSeek, run, "copied on its first change (the late events)");
        assertSame(run, fx(track::run));
        for (EventRow r : fx(() -> List.copyOf(track.rows()))) {
            if (r.execution() != null) {
                assertSame(run.execution(r.execution().node(), r.execution().times()), r.execution());
            }
        }
        // A text filter matches played rows by their summaries.
        EventRow last = fx(() -> {
            List<EventRow> all = dashboard.model().track(ended).rows();
            return all.get(all.size() - 1);
        });
        assertNotNull(last.summary());
        List<Long> matched = fx(() -> {
            dashboard.selection().runProperty().set(ended);
            dashboard.eventLogViewModel().flush();  // as the window's next flush does
            dashboard.eventLogViewModel().textProperty().set(last.summary());
            return dashboard.eventLogViewModel().visibleRows().stream().map(EventRow::sequence).toList();
        });
        assertTrue(matched.contains(last.sequence()), "the row whose summary was typed passes the filter");
        assertTrue(matched.size() < fx(() -> dashboard.model().track(ended).rows().size()), "others do not");
    }

    @Test
    void theEventLogReadsSummariesOfRowsNeverPlayedBackFromTheFile() throws Exception {
        Path log = dir.resolve("summaries.jsonl");
        LogGenerator.write(log, 2000, 3);
        openPaused(log);
        Map<RunRef, List<EventRow>> live = live(log);
        Map<Long, String> liveSummaries = new LinkedHashMap<>();
        live.values().forEach(rows -> rows.forEach(r -> liveSummaries.put(r.sequence(), r.summary())));
        window.seek(window.index().size());
        RunRef run = fx(() -> dashboard.model().runs().get(0).ref());
        fx(() -> {
            dashboard.selection().runProperty().set(run);
            dashboard.bottomTabs().getSelectionModel().select(1);
            return null;
        });
        List<EventRow> rows = fx(() -> List.copyOf(dashboard.model().track(run).rows()));
        assertFalse(rows.isEmpty());
        rows.forEach(r -> assertNull(r.summary(), "nothing was played"));
        waitFor(() -> {
            List<TableCell<?, ?>> cells = summaryCells();
            return !cells.isEmpty() && cells.stream().noneMatch(c -> "…".equals(c.getText()));
        });
        List<TableCell<?, ?>> cells = fx(this::summaryCells);
        assertFalse(cells.isEmpty());
        for (TableCell<?, ?> c : cells) {
            EventRow row = (EventRow) c.getTableRow().getItem();
            assertNotNull(liveSummaries.get(row.sequence()));
            assertEquals(liveSummaries.get(row.sequence()), c.getText(), "summary of entry " + row.sequence());
        }
    }

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
}
