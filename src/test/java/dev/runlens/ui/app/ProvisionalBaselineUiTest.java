package dev.runlens.ui.app;

import dev.runlens.history.HistoryIndex;
import dev.runlens.history.HistoryIndexer;
import dev.runlens.history.IndexedRunHistory;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.compare.CompareViewModel;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live Space Operator run from the simulator, compared while it streams: its baseline (the
 * recorded earlier run of the same scenario) is provisional while it has touched only some of the
 * flow's nodes, and final once it has touched them all.
 */
@ExtendWith(ApplicationExtension.class)
class ProvisionalBaselineUiTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path cache;
    private Dashboard dashboard;
    private Simulator simulator;
    private CompareViewModel vm;

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(new LiveConnector(null, dir, null));
        dashboard.attach(stage, 1280, 780);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            vm.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(25, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void watch(String runId) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
    }

    private Run run(String runId) {
        return dashboard.model().runs().stream().filter(r -> r.ref().runId().equals(runId)).findFirst().orElse(null);
    }

    @Test
    void aLiveRunIsComparedWithAProvisionalBaselineUntilItHasTouchedEveryNode() throws Exception {
        // The simulator draws each run's node ids from its seed plus the run's number: the second
        // simulator's second run (41 + 2) has the node ids of the first one's first run (42 + 1).
        SimulatorOptions.Builder options = SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(600));
        simulator = Simulator.start(options.seed(42).build());
        String first = simulator.startRun(SoScenario.BALANCE);
        watch(first);
        waitFor(() -> run(first) != null && run(first).terminal());
        assertEquals(RunStatus.SUCCEEDED, run(first).status());
        try (HistoryIndex index = HistoryIndex.open(cache.resolve("index"))) {
            // The recorder writes on its own thread: index until the finished run is in the history.
            HistoryIndexer indexer = new HistoryIndexer(index);
            IndexedRunHistory history = new IndexedRunHistory(index);
            RunRef firstRef = WaitForAsyncUtils.asyncFx(() -> run(first).ref()).get();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        indexer.index(f);
                    }
                }
                indexer.commit();
                return !history.succeededRuns(WaitForAsyncUtils.asyncFx(() -> dev.runlens.history.FlowKey.of(run(first))).get(), 1)
                        .isEmpty();
            });
            assertEquals(firstRef, history.succeededRuns(WaitForAsyncUtils.asyncFx(() -> dev.runlens.history.FlowKey.of(run(first)))
                    .get(), 1).get(0).run());

            simulator.close();
            simulator = Simulator.start(options.seed(41).build());
            simulator.startRun(SoScenario.BALANCE);
            String second = simulator.startRun(SoScenario.BALANCE);
            assertTrue(!second.equals(first));
            watch(second);
            waitFor(() -> run(second) != null && !run(second).nodes().isEmpty());
            AtomicReference<String> provisional = new AtomicReference<>();
            WaitForAsyncUtils.asyncFx(() -> {
                assertTrue(!run(second).terminal() && run(second).nodes().size() < run(first).nodes().size(),
                        "the second run has yet to touch some nodes");
                vm = new CompareViewModel(dashboard.model(), run(second).ref(), history, FxThread::later);
                vm.start();
            }).get();
            waitFor(() -> {
                provisional.set(vm.headerProperty().get());
                return provisional.get().contains("(provisional: ");
            });
            assertTrue(provisional.get().contains("baseline " + first + " (succeeded, "), provisional.get());
            assertTrue(provisional.get().matches(".*provisional: [12] of its 3 nodes seen\\)$"), provisional.get());
            waitFor(() -> vm.headerProperty().get().endsWith("the most recent succeeded run of the same flow"));
            assertTrue(vm.headerProperty().get().contains("baseline " + first + " (succeeded, "), vm.headerProperty().get());
            assertTrue(vm.comparisonProperty().get() != null);
        }
    }
}
