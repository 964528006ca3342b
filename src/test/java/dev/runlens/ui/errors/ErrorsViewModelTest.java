package dev.runlens.ui.errors;

import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.ErrorKind;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.runlens.connect.ConnectionState.RECONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ErrorsViewModelTest {
    @TempDir
    Path dir;
    private final FrameBridge bridge = new FrameBridge(new SpillFile());
    private final DashboardModel model = new DashboardModel();
    private final Selection selection = new Selection();
    private final ErrorsViewModel vm = new ErrorsViewModel(model, selection);
    /** Two connections, for connection trouble and protocol problems fed straight to the bridge. */
    private final Feed a = bridge.newFeed("a", true);
    private final Feed b = bridge.newFeed("b", true);

    @Test
    void aFailedRunSelectsItsFirstFailingExecutionWithoutAClick() {
        TestData.feed(bridge, model, TestData.fixture("space-operator-v2-failed-run"));
        Run run = model.runs().get(0);
        assertEquals(run.ref(), selection.run());
        assertSame(run.firstFailedExecution(), selection.execution());
        assertEquals(TestData.FAILING_NODE, selection.execution().node());
        assertEquals(3, vm.groups().size());
        assertEquals(0, vm.currentProperty().get());
    }

    @Test
    void identicalErrorsAreGroupedWithACountAndStepping() {
        List<String> lines = TestData.v2Run("run-g", 0, false);
        for (int i = 0; i < 3; i++) {
            String node = "\"node_id\":\"44444444-4444-4444-8444-444444444444\",\"times\":" + i;
            lines.add(TestData.v2("run-g", "NodeStart", "\"time\":\"2025-11-22T08:30:02.000Z\"," + node + ",\"input\":{\"M\":{}}"));
            lines.add(TestData.v2("run-g", "NodeError", "\"time\":\"2025-11-22T08:30:02.100Z\"," + node + ",\"error\":\"rate limited\""));
        }
        lines.add(TestData.v2("run-g", "FlowError", "\"time\":\"2025-11-22T08:30:03.000Z\",\"error\":\"3 nodes failed\""));
        TestData.feed(bridge, model, TestData.write(dir, "g.jsonl", lines));
        // Same message at different loop iterations of one node are one group.
        assertEquals(2, vm.groups().size());
        assertEquals(3, vm.groups().get(0).count());
        assertEquals(ErrorKind.NODE_ERROR, vm.groups().get(0).first().kind());
        assertEquals(4, vm.totalProperty().get());
        ErrorGroup first = vm.step(1);
        assertSame(first, vm.groups().get(0));
        assertEquals(0, selection.execution().times());
        ErrorGroup flow = vm.step(1);
        assertEquals(ErrorKind.FLOW_ERROR, flow.first().kind());
        assertNull(selection.execution());
        assertSame(vm.groups().get(0), vm.step(1));
        assertSame(flow, vm.step(-1));
    }

    @Test
    void reconnectAttemptsOfOneConnectionAreOneGroupShowingTheLatest() {
        bridge.state(a, RECONNECTING, "Connection lost; retrying in 1 s.");
        bridge.state(a, RECONNECTING, "Connection lost; retrying in 2 s.");
        bridge.state(b, RECONNECTING, "Connection lost; retrying in 1 s.");
        model.apply(bridge.drain(10));
        assertEquals(2, vm.groups().size());
        assertEquals(2, vm.groups().get(0).count());
        assertEquals("Connection lost; retrying in 2 s.", vm.groups().get(0).message());
        assertEquals(ErrorKind.CONNECTION_LOST, vm.groups().get(1).first().kind());
    }

    @Test
    void aBatchChangesTheListOnceForItsNewGroupsAndCountsRepeatsInPlace() {
        bridge.state(a, RECONNECTING, "Connection lost; retrying in 1 s.");
        bridge.problem(a, "bad frame x");
        model.apply(bridge.drain(10));
        int[] changes = {0};
        vm.groups().addListener((javafx.collections.ListChangeListener<ErrorGroup>) c -> changes[0]++);
        // What a table cell showing the first two groups watches.
        var reconnects = vm.groups().get(0).countProperty();
        var reconnectText = vm.groups().get(0).messageProperty();
        var badX = vm.groups().get(1).countProperty();

        bridge.state(a, RECONNECTING, "Connection lost; retrying in 2 s.");
        bridge.state(a, RECONNECTING, "Connection lost; retrying in 3 s.");
        bridge.problem(a, "bad frame y");
        bridge.problem(a, "bad frame y");
        bridge.state(b, RECONNECTING, "Connection lost; retrying in 1 s.");
        bridge.problem(a, "bad frame x");
        model.apply(bridge.drain(10));

        // Two new groups: one change; the repeats count in place (a replaced item rebuilds every visible row).
        assertEquals(1, changes[0]);
        assertEquals(4, vm.groups().size());
        assertEquals(List.of(3, 2, 2, 1), vm.groups().stream().map(ErrorGroup::count).toList());
        assertEquals(3, reconnects.get());
        assertEquals("Connection lost; retrying in 3 s.", reconnectText.get());
        assertEquals(2, badX.get());
        assertEquals("Connection lost; retrying in 3 s.", vm.groups().get(0).message());
        assertEquals("bad frame x", vm.groups().get(1).message());
        assertEquals("bad frame y", vm.groups().get(2).message());
        assertEquals(8, vm.totalProperty().get());

        model.apply(bridge.drain(10));
        assertEquals(1, changes[0], "a batch without errors changes nothing");
    }
}
