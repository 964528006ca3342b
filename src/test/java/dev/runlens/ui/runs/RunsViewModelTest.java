package dev.runlens.ui.runs;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsViewModelTest {

    @Test
    void everyRunOfEveryFileIsListedAndTheFirstIsSelected() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        RunsViewModel vm = new RunsViewModel(model, selection);
        TestData.feed(bridge, model, TestData.fixture("lyzr-docs-sample"));
        TestData.feed(bridge, model, TestData.fixture("space-operator-v2-failed-run"));
        assertEquals(model.runs().size(), vm.rows().size());
        assertTrue(vm.rows().size() >= 2);
        assertEquals(vm.rows().get(0).ref(), selection.run());
        RunRow so = vm.row(new RunRef(Source.SPACE_OPERATOR, TestData.RUN));
        assertEquals(RunStatus.FAILED, so.status());
        assertEquals(3, so.errors());
        assertEquals(2, so.started());
        assertEquals(2, so.done());
        assertEquals("6513270e…b438", so.name());
        Instant now = Instant.now();
        assertEquals(Duration.ofMillis(1075).plusNanos(821_000), so.elapsed(now));
        assertTrue(so.detail(now).contains("2/2 done"));
        assertTrue(so.detail(now).contains("3 errors"));
        assertFalse(so.stale(now), "a file is never stale");
    }

    @Test
    void theFirstRunCanBeSelectedLaterThroughAScheduler() {
        Scheduled s = twoFilesListedWithTheSelectionScheduled();
        assertTrue(s.vm().rows().size() >= 2);
        assertEquals(null, s.selection().run(), "listed, not yet selected");
        assertEquals(1, s.later().size(), "one selection scheduled however many batches come first");
        s.later().get(0).run();
        assertEquals(s.vm().rows().get(0).ref(), s.selection().run());
    }

    @Test
    void aScheduledSelectionGivesWayToOneMadeMeanwhile() {
        Scheduled s = twoFilesListedWithTheSelectionScheduled();
        RunRef chosen = s.vm().rows().get(s.vm().rows().size() - 1).ref();
        s.selection().runProperty().set(chosen);
        s.later().get(0).run();
        assertEquals(chosen, s.selection().run());
    }

    private record Scheduled(RunsViewModel vm, Selection selection, java.util.List<Runnable> later) {
    }

    private static Scheduled twoFilesListedWithTheSelectionScheduled() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        RunsViewModel vm = new RunsViewModel(model, selection);
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        vm.autoSelectThrough(later::add);
        TestData.feed(bridge, model, TestData.fixture("lyzr-docs-sample"));
        TestData.feed(bridge, model, TestData.fixture("space-operator-v2-failed-run"));
        return new Scheduled(vm, selection, later);
    }

    @Test
    void aReplaySeekDropsAndAddsTheFilesRunsInOneChangeKeepingTheOthersInPlace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path failed = TestData.fixture("space-operator-v2-failed-run");
        java.nio.file.Path other = TestData.write(dir, "other.jsonl", TestData.v2Run("run-other", 3, true));
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        RunsViewModel vm = new RunsViewModel(model, selection);
        dev.runlens.ui.dashboard.Feed replay = bridge.newFeed("failed", false);
        dev.runlens.replay.ReplayIndex index = dev.runlens.replay.ReplayIndex.open(failed).awaitDone();
        model.indexFeed(replay, new dev.runlens.ui.rows.IndexedFeed(index));
        dev.runlens.ui.FileFeed.read(failed, bridge, replay);
        dev.runlens.ui.dashboard.Feed untouched = bridge.newFeed("other", false);
        dev.runlens.ui.FileFeed.read(other, bridge, untouched);
        model.apply(bridge.drain(Integer.MAX_VALUE));
        RunRef so = new RunRef(Source.SPACE_OPERATOR, TestData.RUN);
        RunRef o = model.runs().get(1).ref();
        assertEquals(java.util.List.of(so, o), vm.rows().stream().map(RunRow::ref).toList());
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.rows().addListener((javafx.collections.ListChangeListener<RunRow>) c -> changes.incrementAndGet());
        try (index) {
            model.restoreFeed(replay, dev.runlens.replay.ReplayEngine.stateAt(index, 0), 0, java.util.List.of());
            assertEquals(java.util.List.of(o), vm.rows().stream().map(RunRow::ref).toList(), "before its first event the run is gone");
            assertEquals(1, changes.get());
            model.restoreFeed(replay, dev.runlens.replay.ReplayEngine.stateAt(index, 5), 5, java.util.List.of());
            assertEquals(java.util.List.of(o, so), vm.rows().stream().map(RunRow::ref).toList(), "back, after the others");
            assertEquals(RunStatus.RUNNING, vm.row(so).status());
            assertEquals(1, vm.row(so).done(), "the first node finished, the failing one started");
            assertEquals(2, changes.get());
            model.restoreFeed(replay, dev.runlens.replay.ReplayEngine.stateAt(index, index.size()), index.size(), java.util.List.of());
            assertEquals(java.util.List.of(o, so), vm.rows().stream().map(RunRow::ref).toList());
            assertEquals(RunStatus.FAILED, vm.row(so).status());
            assertEquals(vm.rows().get(1), vm.row(so), "the index follows the list");
            assertEquals(3, changes.get());
        }
    }

    @Test
    void aSilentLiveRunIsStale() {
        Instant last = Instant.parse("2026-01-01T00:00:00Z");
        RunRow row = new RunRow(new RunRef(Source.LYZR, "f/r"), RunStatus.RUNNING, false, last, null, last, 0, 1, 0, true,
                ConnectionState.LIVE, last, last, null, null, null);
        assertFalse(row.stale(last.plusSeconds(5)));
        assertTrue(row.stale(last.plusSeconds(16)));
        assertEquals("f/r", row.name());
        assertEquals("Support Pipeline · run-35b3…", new RunRow(new RunRef(Source.LYZR, "Support Pipeline/run-35b353dd-402b"),
                RunStatus.RUNNING, false, last, null, last, 0, 1, 0, true, ConnectionState.LIVE, last, last, null, null, null).name());
        assertTrue(row.detail(last.plusSeconds(16)).contains("last event 16 s ago"));
        RunRow reconnecting = new RunRow(row.ref(), RunStatus.RUNNING, false, last, null, last, 0, 1, 0, true,
                ConnectionState.RECONNECTING, last, last, null, null, null);
        assertTrue(reconnecting.stale(last.plusSeconds(1)));
    }

    @Test
    void eventsThatMoveNoRunLeaveTheShownListAloneWhateverTheSortAndFilter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        RunsViewModel vm = new RunsViewModel(model, new Selection());
        for (String id : java.util.List.of("run-x", "run-y", "run-z")) {
            TestData.feed(bridge, model, TestData.write(dir, id + ".jsonl", TestData.v2Run(id, 1, false)));
        }
        vm.sortProperty().set(RunSort.STATUS);
        vm.filterProperty().set(RunFilter.ALL.withText("run-"));
        assertEquals(java.util.List.of("run-z", "run-y", "run-x"), vm.shown().stream().map(RunRef::runId).toList());
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.shown().addListener((javafx.collections.ListChangeListener<RunRef>) c -> changes.incrementAndGet());
        for (int k = 0; k < 20; k++) {
            String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":" + k;
            TestData.feed(bridge, model, TestData.write(dir, "more" + k + ".jsonl", java.util.List.of(
                    TestData.v2("run-y", "NodeStart", "\"time\":\"2025-11-22T08:30:50.000Z\"," + node + ",\"input\":{\"M\":{}}"))));
        }
        assertEquals(0, changes.get(), "counters moved, no run did");
        TestData.feed(bridge, model, TestData.write(dir, "end.jsonl", java.util.List.of(
                TestData.v2("run-y", "FlowFinish", "\"time\":\"2025-11-22T08:31:00.000Z\""))));
        assertEquals(java.util.List.of("run-z", "run-x", "run-y"), vm.shown().stream().map(RunRef::runId).toList());
        assertEquals(2, changes.get(), "one removal and one insertion");
    }

    @Test
    void countersThatMoveChangeNoRowAreReadFreshAndAreSignalledOncePerBatch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        RunsViewModel vm = new RunsViewModel(model, new Selection());
        TestData.feed(bridge, model, TestData.write(dir, "y.jsonl", TestData.v2Run("run-y", 1, false)));
        RunRef y = new RunRef(Source.SPACE_OPERATOR, "run-y");
        int startedBefore = vm.row(y).started();
        java.util.concurrent.atomic.AtomicInteger rowChanges = new java.util.concurrent.atomic.AtomicInteger();
        vm.rows().addListener((javafx.collections.ListChangeListener<RunRow>) c -> rowChanges.incrementAndGet());
        long signalled = vm.countsChangedProperty().get();
        String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":0";
        TestData.feed(bridge, model, TestData.write(dir, "more.jsonl", java.util.List.of(
                TestData.v2("run-y", "NodeStart", "\"time\":\"2025-11-22T08:30:50.000Z\"," + node + ",\"input\":{\"M\":{}}"),
                TestData.v2("run-y", "NodeFinish", "\"time\":\"2025-11-22T08:30:51.000Z\"," + node))));
        assertEquals(0, rowChanges.get(), "counters place no run: no row is taken again");
        assertEquals(signalled + 1, vm.countsChangedProperty().get(), "one signal for the batch");
        assertEquals(startedBefore + 1, vm.row(y).started(), "a cell reads the counters as they are now");
        TestData.feed(bridge, model, TestData.write(dir, "end.jsonl", java.util.List.of(
                TestData.v2("run-y", "FlowFinish", "\"time\":\"2025-11-22T08:31:00.000Z\""))));
        assertEquals(1, rowChanges.get(), "its end is a new row, at once");
        assertEquals(RunStatus.SUCCEEDED, vm.rows().get(0).status());
        assertEquals(signalled + 1, vm.countsChangedProperty().get(), "an end is not a counter signal");
    }
}
