package dev.runlens.ui.compare;

import dev.runlens.compare.Comparison;
import dev.runlens.compare.RecordingLoader;
import dev.runlens.compare.Sameness;
import dev.runlens.history.FlowKey;
import dev.runlens.history.HistoryIndex;
import dev.runlens.history.HistoryIndexer;
import dev.runlens.history.IndexedRunHistory;
import dev.runlens.history.PastRun;
import dev.runlens.history.RunHistory;
import dev.runlens.history.UsualDuration;
import dev.runlens.model.Run;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedItem;
import dev.runlens.ui.rows.FrameRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison's view model on a run streamed into the dashboard model in two batches. */
class CompareViewModelTest {
    private static final Path DIR = Path.of("src/test/resources/compare");
    private static final RunRef RUN = new RunRef(Source.SPACE_OPERATOR, "bbbbbbbb-0000-4000-8000-000000000002");

    private final DashboardModel model = new DashboardModel();
    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private final FrameDecoder decoder = new FrameDecoder();
    private final Feed feed = new Feed(1, "ws://127.0.0.1/ws", true);
    private CompareViewModel vm;
    private long sequence;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    /** A history whose only succeeded run of the flow is the baseline recording's. */
    private static RunHistory history() throws Exception {
        Run base = RecordingLoader.runs(DIR.resolve("so-baseline.jsonl")).get(0);
        PastRun past = new PastRun(DIR.resolve("so-baseline.jsonl"), base.ref(), FlowKey.of(base), base.status(),
                base.startedAt(), base.finishedAt());
        return new RunHistory() {
            @Override
            public List<PastRun> succeededRuns(FlowKey flow, int limit) {
                return flow.equals(past.flow()) ? List.of(past) : List.of();
            }

            @Override
            public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
                return Map.of();
            }
        };
    }

    private void apply(List<String> lines) {
        List<FeedItem> items = new ArrayList<>();
        for (String line : lines) {
            items.add(new FeedItem.FrameItem(feed, sequence++, Instant.now(), decoder.decode(line), new FrameRef.Inline(line), ""));
        }
        model.apply(items);
    }

    /** Runs what the worker handed to the "FX thread" until {@code done}, for at most 10 s. */
    private void drainUntil(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            Runnable r = fxQueue.poll();
            if (r != null) {
                r.run();
            } else if (System.nanoTime() > end) {
                throw new AssertionError("timed out; header: " + vm.headerProperty().get() + "; problem: " + vm.problemProperty().get());
            } else {
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aStreamingRunIsComparedPerBatchWithTheHistorysBaselineOnceItsNodeSetMatches() throws Exception {
        decoder.registerStream(9, RUN.runId());
        List<String> lines = Files.readAllLines(DIR.resolve("so-changed.jsonl"));
        // The first batch ends as node C starts its first iteration: the run has touched every node of its
        // flow, so the history (keyed by node set) knows its baseline; C's iterations are still to come.
        int firstBatch = 8;
        apply(lines.subList(0, firstBatch));
        vm = new CompareViewModel(model, RUN, history(), fxQueue::add);
        vm.start();
        drainUntil(() -> vm.comparisonProperty().get() != null && vm.comparisonProperty().get().rows().size() == 4);
        Comparison running = vm.comparisonProperty().get();
        assertEquals(Sameness.EQUAL, running.rows().get(0).output());
        assertEquals(Sameness.DIFFERENT, running.rows().get(1).output());
        assertEquals(Sameness.PENDING, running.rows().get(2).output());
        assertEquals(Sameness.PENDING, running.rows().get(3).output());
        assertEquals(null, running.rows().get(3).a());
        assertEquals(1, running.firstDifferingOutput());
        assertTrue(vm.headerProperty().get().contains("the most recent succeeded run of the same flow"), vm.headerProperty().get());

        apply(lines.subList(firstBatch, lines.size()));
        drainUntil(() -> vm.comparisonProperty().get().a().run().terminal()
                && vm.comparisonProperty().get().rows().get(3).output() == Sameness.EQUAL);
        assertEquals(1, vm.comparisonProperty().get().firstDifferingOutput());
        assertEquals(2, vm.comparisonProperty().get().firstOutputDiff().size());
    }

    @Test
    void aLiveRunGetsAProvisionalBaselineFromItsFirstNodeThenAFinalOneOnceItTouchedThemAll(@TempDir Path tmp) throws Exception {
        Path recording = tmp.resolve("so-baseline.jsonl");
        Files.copy(DIR.resolve("so-baseline.jsonl"), recording);
        try (HistoryIndex index = HistoryIndex.open(tmp.resolve("index"))) {
            HistoryIndexer indexer = new HistoryIndexer(index);
            indexer.index(recording);
            indexer.commit();
            decoder.registerStream(9, RUN.runId());
            List<String> lines = Files.readAllLines(DIR.resolve("so-changed.jsonl"));
            // The flow's first node has run; its other two are to come.
            apply(lines.subList(0, 4));
            vm = new CompareViewModel(model, RUN, new IndexedRunHistory(index), fxQueue::add);
            vm.start();
            drainUntil(() -> vm.comparisonProperty().get() != null);
            assertTrue(vm.headerProperty().get().contains("baseline aaaaaaaa-0000-4000-8000-000000000001")
                    && vm.headerProperty().get().contains("(provisional: 1 of its 3 nodes seen)"), vm.headerProperty().get());
            assertEquals(Sameness.EQUAL, vm.comparisonProperty().get().rows().get(0).output());
            apply(lines.subList(4, 8));
            drainUntil(() -> vm.headerProperty().get().endsWith("the most recent succeeded run of the same flow"));
            assertTrue(vm.headerProperty().get().contains("baseline aaaaaaaa-0000-4000-8000-000000000001"), vm.headerProperty().get());
        }
    }

    @Test
    void aBaselineFromAFileReplacesTheDefaultAndAnUnreadableFileIsOneSentence() throws Exception {
        decoder.registerStream(9, RUN.runId());
        apply(Files.readAllLines(DIR.resolve("so-changed.jsonl")));
        vm = new CompareViewModel(model, RUN, RunHistory.NONE, fxQueue::add);
        vm.start();
        drainUntil(() -> vm.headerProperty().get().contains("no baseline: no succeeded run of this flow in the history; pick one"));
        vm.pickFile(DIR.resolve("so-two-runs.jsonl"));
        drainUntil(() -> vm.comparisonProperty().get() != null);
        assertTrue(vm.headerProperty().get().contains("baseline aaaaaaaa-0000-4000-8000-000000000001 (succeeded, 4 executions) from so-two-runs.jsonl, "
                + "picked from a file"), vm.headerProperty().get());
        vm.pickFile(DIR.resolve("missing.jsonl"));
        drainUntil(() -> !vm.problemProperty().get().isEmpty());
        assertTrue(vm.problemProperty().get().endsWith("missing.jsonl: no such file"), vm.problemProperty().get());
        // What was shown stays.
        assertTrue(vm.comparisonProperty().get() != null && vm.headerProperty().get().contains("picked from a file"));
    }
}
