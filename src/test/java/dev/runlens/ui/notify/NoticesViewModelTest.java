package dev.runlens.ui.notify;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice area's state, fed through the real bridge and dashboard model, without a toolkit. */
class NoticesViewModelTest {
    private final FrameBridge bridge = new FrameBridge(new SpillFile());
    private final DashboardModel model = new DashboardModel();
    private final Selection selection = new Selection();
    private final NoticesViewModel vm = new NoticesViewModel(model, selection);
    private final Feed live = bridge.newFeed("127.0.0.1:8080/ws", true);
    private final LiveFrames frames = new LiveFrames(bridge, live);

    private void pulse() {
        model.apply(bridge.drain(Integer.MAX_VALUE));
    }

    private static RunRef so(String id) {
        return new RunRef(Source.SPACE_OPERATOR, id);
    }

    @Test
    void runsEndingTogetherAreCountedInOneLineAndTheNewestFailureIsNamed() {
        frames.finished("run-a");
        frames.failed("run-b", "Division by zero");
        frames.finished("run-c");
        pulse();
        frames.failed("run-d", "insufficient funds");
        frames.finished("run-e");
        pulse();
        assertEquals("3 runs finished, 2 failed", vm.runsProperty().get());
        assertEquals(so("run-d"), vm.failureProperty().get().ref());
        assertEquals("run run-d failed: insufficient funds", vm.failureProperty().get().sentence());
        assertTrue(vm.showingProperty().get());
        assertEquals("Notices: 3 runs finished, 2 failed. Newest failure: run run-d failed: insufficient funds.",
                vm.accessibleTextProperty().get());
    }

    @Test
    void selectingCountedRunsTakesThemOutUntilNothingIsLeft() {
        frames.finished("run-a");
        frames.failed("run-b", "Division by zero");
        frames.finished("run-c");
        pulse();
        // The window's own first selection (from none) is not the operator looking.
        selection.runProperty().set(so("run-c"));
        assertEquals("2 runs finished, 1 failed", vm.runsProperty().get());
        selection.runProperty().set(so("run-b"));
        assertEquals("2 runs finished", vm.runsProperty().get());
        assertNull(vm.failureProperty().get(), "the failure was looked at");
        selection.runProperty().set(so("run-a"));
        assertEquals("1 run finished", vm.runsProperty().get());
        selection.runProperty().set(so("run-c"));
        assertEquals("", vm.runsProperty().get());
        assertFalse(vm.showingProperty().get());
        assertEquals("", vm.accessibleTextProperty().get());
    }

    @Test
    void openingTheNewestFailureSelectsItsFirstFailingExecution() {
        frames.failed("run-b", "Division by zero");
        frames.finished("run-c");
        pulse();
        vm.openNewestFailure();
        assertEquals(so("run-b"), selection.run());
        assertNotNull(selection.execution());
        assertEquals(model.track(so("run-b")).run().firstFailedExecution(), selection.execution());
        assertEquals(RunStatus.FAILED, model.track(so("run-b")).run().status());
        assertEquals("1 run finished", vm.runsProperty().get(), "the opened run is no longer news");
    }

    @Test
    void dismissingClearsRunsAndConnectionNews() {
        frames.failed("run-b", "boom");
        bridge.state(live, ConnectionState.RECONNECTING, null);
        pulse();
        assertTrue(vm.showingProperty().get());
        vm.dismiss();
        assertEquals("", vm.runsProperty().get());
        assertEquals("", vm.connectionProperty().get());
        assertNull(vm.failureProperty().get());
        assertFalse(vm.showingProperty().get());
    }

    @Test
    void aConnectionThatIsLostAndComesBackIsTold() {
        bridge.state(live, ConnectionState.LIVE, null);
        pulse();
        assertEquals("", vm.connectionProperty().get(), "connecting is no news");
        bridge.state(live, ConnectionState.RECONNECTING, null);
        pulse();
        assertEquals("Connection to 127.0.0.1:8080/ws lost; reconnecting", vm.connectionProperty().get());
        bridge.state(live, ConnectionState.LIVE, null);
        pulse();
        assertEquals("Reconnected to 127.0.0.1:8080/ws", vm.connectionProperty().get());
        assertEquals("Notices: Reconnected to 127.0.0.1:8080/ws.", vm.accessibleTextProperty().get());
        bridge.state(live, ConnectionState.TOKEN_REFUSED, "the server refused the token");
        pulse();
        assertEquals("Connection to 127.0.0.1:8080/ws stopped: the server refused the token", vm.connectionProperty().get());
    }

    @Test
    void runsReplayedFromAFileAreNotNews() {
        Feed file = bridge.newFeed("old.runlens.jsonl", false);
        new LiveFrames(bridge, file).failed("run-old", "boom");
        pulse();
        assertEquals(RunStatus.FAILED, model.track(so("run-old")).run().status());
        assertFalse(vm.showingProperty().get());
    }
}
