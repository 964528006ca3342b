package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.model.RunStatus;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.FileFeed;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.rows.IndexedFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Putting one feed back to another position (replay seeking) without touching the others. */
class DashboardModelRestoreTest {
    @TempDir
    Path dir;

    @Test
    void restoringAFeedReplacesItsRunsRowsAndErrorsOnly() throws Exception {
        Path failed = TestData.fixture("space-operator-v2-failed-run");
        Path other = TestData.write(dir, "other.jsonl", TestData.v2Run("run-other", 3, true));
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Feed replay = bridge.newFeed("failed", false);
        // A replayed feed's rows are views over its file's index, as ReplayController sets up.
        ReplayIndex index = ReplayIndex.open(failed).awaitDone();
        model.indexFeed(replay, new IndexedFeed(index));
        FileFeed.read(failed, bridge, replay);
        Feed untouched = bridge.newFeed("other", false);
        FileFeed.read(other, bridge, untouched);
        model.apply(bridge.drain(Integer.MAX_VALUE));
        Run otherRun = model.runs().get(1);
        long otherEvents = otherRun.events();
        assertEquals(3, model.errors().size(), "the failed run's two node errors and its flow error");

        AtomicInteger resets = new AtomicInteger();
        model.addResetListener(resets::incrementAndGet);
        try (index) {
            // Entries 0..4: FlowStart, the first node's three events, the failing node's NodeStart.
            RunModel at5 = ReplayEngine.stateAt(index, 5).copy();
            model.restoreFeed(replay, at5, 5, List.of());
            Run run = model.runs().get(0);
            assertSame(at5.runs().get(0), run);
            assertEquals(RunStatus.RUNNING, run.status());
            assertEquals(5 + otherEvents, model.eventsApplied());
            TrackedRun track = model.track(run.ref());
            assertEquals(5, track.rows().size());
            Execution failing = run.execution(TestData.FAILING_NODE, 0);
            assertEquals(1, track.rows(failing).size(), "rows re-linked to the restored executions");
            assertEquals(0, model.errors().size(), "no error had happened yet");
            assertSame(otherRun, model.runs().get(1), "other feeds keep their runs");
            assertEquals(otherRun.events(), model.track(otherRun.ref()).rows().size());
            assertEquals(1, resets.get());

            // Forward again: the rest of the file applies on top, as during play.
            RunModel end = ReplayEngine.stateAt(index, index.size()).copy();
            model.restoreFeed(replay, end, index.size(), List.of());
            assertEquals(RunStatus.FAILED, model.runs().get(0).status());
            assertEquals(3, model.errors().stream().filter(e -> e.feed().equals(replay)).count());
            assertEquals(ErrorKind.NODE_ERROR, model.errors().stream().filter(e -> e.feed().equals(replay)).findFirst().get().kind());

            // Before the run's first event the run is gone from the model and its track.
            model.restoreFeed(replay, ReplayEngine.stateAt(index, 0).copy(), 0, List.of());
            assertEquals(1, model.runs().size());
            assertNull(model.track(end.runs().get(0).ref()));
            assertEquals(otherEvents, model.eventsApplied());
        }
    }

    @Test
    void replaceKeepsOrderAndCountsEvents() throws Exception {
        Path a = TestData.write(dir, "a.jsonl", TestData.v2Run("run-a", 2, true));
        Path b = TestData.write(dir, "b.jsonl", TestData.v2Run("run-b", 2, true));
        DashboardModel both = TestData.load(a);
        TestData.feed(new FrameBridge(new SpillFile()), both, b);
        RunModel model = both.runModel();
        long bEvents = model.runs().get(1).events();
        try (ReplayIndex index = ReplayIndex.open(a).awaitDone()) {
            RunModel early = ReplayEngine.stateAt(index, 2).copy();
            model.replace(List.of(model.runs().get(0).ref()), early);
            assertEquals(List.of("run-a", "run-b"), model.runs().stream().map(r -> r.ref().runId()).toList());
            assertEquals(2 + bEvents, model.applied());
            model.replace(List.of(model.runs().get(0).ref()), new RunModel());
            assertEquals(List.of("run-b"), model.runs().stream().map(r -> r.ref().runId()).toList());
            assertEquals(bEvents, model.applied());
        }
    }
}
