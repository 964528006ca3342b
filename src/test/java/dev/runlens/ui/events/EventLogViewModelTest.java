package dev.runlens.ui.events;

import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.timeline.NodeNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventLogViewModelTest {
    @TempDir
    Path dir;

    @Test
    void filtersByKindNodeAndText() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        EventLogViewModel vm = new EventLogViewModel(model, selection, new NodeNames());
        TestData.feed(bridge, model, TestData.write(dir, "r.jsonl", TestData.v2Run("run-e", 50, true)));
        selection.runProperty().set(model.runs().get(0).ref());
        assertEquals(1 + 3 + 150 + 1, vm.visibleRows().size());
        assertTrue(vm.kinds().containsAll(List.of("FlowStart", "NodeStart", "NodeLog", "NodeFinish", "FlowFinish")));
        vm.kindProperty().set("NodeLog");
        assertEquals(50, vm.visibleRows().size());
        vm.textProperty().set("iteration 4");
        assertEquals(11, vm.visibleRows().size(), "iteration 4 and 40..49");
        vm.kindProperty().set(EventLogViewModel.ALL_KINDS);
        vm.textProperty().set("");
        vm.nodeProperty().set("11111111");
        assertEquals(3, vm.visibleRows().size());
    }

    @Test
    void deferredANewlyShownRunsRowsComeWithTheNextFlush() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        EventLogViewModel vm = new EventLogViewModel(model, selection, new NodeNames());
        vm.setDeferred(true);
        TestData.feed(bridge, model, TestData.write(dir, "r.jsonl", TestData.v2Run("run-e", 50, true)));
        selection.runProperty().set(model.runs().get(0).ref());
        assertEquals(0, vm.visibleRows().size(), "the table fills in a later frame than the run is shown");
        assertEquals(1 + 3 + 150 + 1, vm.pendingCount());
        assertTrue(vm.kinds().contains("NodeLog"), "the filter choices are there at once");
        vm.flush();
        assertEquals(1 + 3 + 150 + 1, vm.visibleRows().size());
        assertEquals(0, vm.pendingCount());
    }

    @Test
    void followTurnsOffWhenScrolledAwayAndCountsNewEvents() {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        EventLogViewModel vm = new EventLogViewModel(model, selection, new NodeNames());
        List<String> lines = TestData.v2Run("run-f", 20, false);
        TestData.feed(bridge, model, TestData.write(dir, "a.jsonl", lines.subList(0, 10)));
        selection.runProperty().set(model.runs().get(0).ref());
        assertTrue(vm.followProperty().get());
        vm.userScrolledAway();
        assertFalse(vm.followProperty().get());
        vm.kindProperty().set("NodeLog");
        TestData.feed(bridge, model, TestData.write(dir, "b.jsonl", lines.subList(10, lines.size())));
        // Only new rows that pass the filter are counted.
        long expected = lines.subList(10, lines.size()).stream().filter(l -> l.contains("\"NodeLog\"")).count();
        assertEquals(expected, vm.newWhileAwayProperty().get());
        assertEquals(20, vm.visibleRows().size());
        vm.resumeFollow();
        assertTrue(vm.followProperty().get());
        assertEquals(0, vm.newWhileAwayProperty().get());
    }
}
