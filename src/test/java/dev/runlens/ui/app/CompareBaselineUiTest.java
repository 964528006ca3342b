package dev.runlens.ui.app;

import dev.runlens.compare.Difference;
import dev.runlens.compare.ExecutionComparison;
import dev.runlens.history.HistoryIndex;
import dev.runlens.history.HistoryIndexer;
import dev.runlens.history.IndexedRunHistory;
import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison opened on a live Lyzr run from the simulator, against a baseline recording found in the history. */
@ExtendWith(ApplicationExtension.class)
class CompareBaselineUiTest {
    private static final Path BASELINE = Path.of("src/test/resources/compare/lyzr-support-baseline.jsonl");
    private static final String FLOW = "Customer Support Pipeline";

    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private Simulator simulator;

    private HistoryIndex index;

    @Start
    void start(Stage stage) {
        // The real index, holding the baseline recording: the history the window reads after the merge.
        try {
            index = HistoryIndex.open(dir.resolve("index-" + System.nanoTime()));
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(BASELINE.toAbsolutePath());
            indexer.commit();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dashboard = DashboardFixture.show(stage, dir, new LiveConnector(null, dir, null), d -> d.setHistory(new IndexedRunHistory(index)));
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Compare ")) {
                    s.close();
                }
            }
            dashboard.close();
        }).get();
        if (simulator != null) {
            simulator.close();
        }
        index.close();
        Thread.sleep(200);
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void aLiveRunIsComparedWhileItStreamsAndItsFirstDifferingNodeIsSelectedWithItsDiff(FxRobot robot) throws Exception {
        // Paced, so the comparison opens while the run is still going.
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(400)).build());
        LyzrRunName name = simulator.startLyzrRun(LyzrScenario.SUPPORT_PIPELINE);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings("ws://127.0.0.1:" + simulator.port(),
                ProtocolChoice.LYZR, new TokenSource.None(), List.of(), name.flow(), name.run()))).get();
        waitFor(() -> dashboard.selection().run() != null);
        boolean runningWhenOpened = WaitForAsyncUtils.asyncFx(() -> {
            boolean running = !dashboard.model().runs().get(0).terminal();
            dashboard.compareSelected();
            return running;
        }).get();
        assertTrue(runningWhenOpened, "the comparison was opened on a run still streaming");
        waitFor(() -> dashboard.model().runs().get(0).terminal()
                && robot.lookup("#compare-header").queryAs(Labeled.class).getText().contains("(succeeded, 3 executions)  ·  baseline"));

        TableView<?> table = robot.lookup("#compare-table").queryAs(TableView.class);
        waitFor(() -> table.getSelectionModel().getSelectedItem() instanceof ExecutionComparison row
                && row.key().node().equals("update_crm"));
        String header = robot.lookup("#compare-header").queryAs(Labeled.class).getText();
        assertTrue(header.contains("baseline Customer Support Pipeline/run-baseline (succeeded, 3 executions) from lyzr-support-baseline.jsonl, "
                + "the most recent succeeded run of the same flow"), header);
        assertEquals(3, table.getItems().size());
        ListView<?> diff = robot.lookup("#compare-diff").queryAs(ListView.class);
        List<String> lines = diff.getItems().stream().map(d -> ((Difference) d).line()).toList();
        assertEquals(List.of("~ $.status: \"open\" → \"escalated\"", "- $.queue: \"tier-1\" (removed)"), lines);
        assertTrue(robot.lookup("#compare-diff-title").queryAs(Labeled.class).getText()
                .contains("Output of update_crm #0, baseline → run: 1 changed, 0 added, 1 removed"));
        // The rows before it are the same as the baseline's; durations are the server's execution times.
        ExecutionComparison first = (ExecutionComparison) table.getItems().get(0);
        assertFalse(first.differs());
        assertEquals(5.33 / 5.0, first.ratio(), 1e-9);
    }
}
