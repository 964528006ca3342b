package dev.runlens.ui.search;

import dev.runlens.history.BadQueryException;
import dev.runlens.history.SearchHit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search panel's state without a toolkit: debounced, newest query wins, one sentence for a bad query. */
class SearchViewModelTest {
    private static SearchHit hit(String node) {
        return new SearchHit(Path.of("r.jsonl"), "lyzr", "f/r", "f", node, 0, "failed", null, null, 3, "boom", List.of(), 1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void typingFastSearchesOnceForTheLastQuery() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        SearchViewModel vm = new SearchViewModel((q, limit) -> {
            asked.add(q);
            return List.of(hit(q));
        }, Runnable::run);
        vm.queryChanged("i");
        vm.queryChanged("in");
        vm.queryChanged("insufficient");
        waitUntil(() -> !vm.hits().isEmpty());
        Thread.sleep(SearchViewModel.DEBOUNCE_MILLIS * 2);
        assertEquals(List.of("insufficient"), asked);
        assertEquals("insufficient", vm.hits().get(0).node());
        assertEquals("1 hit", vm.statusProperty().get());
        vm.close();
    }

    @Test
    void aBadQueryShowsOneSentenceAndClearsTheHits() throws Exception {
        SearchViewModel vm = new SearchViewModel((q, limit) -> {
            if (q.contains("after:")) {
                throw new BadQueryException("'x' is not a date", 7);
            }
            return List.of(hit("n"));
        }, Runnable::run);
        vm.queryChanged("n");
        waitUntil(() -> vm.hits().size() == 1);
        vm.queryChanged("after:x");
        waitUntil(() -> !vm.problemProperty().get().isEmpty());
        assertEquals("'x' is not a date (column 7)", vm.problemProperty().get());
        assertTrue(vm.hits().isEmpty());
        vm.queryChanged("n");
        waitUntil(() -> vm.problemProperty().get().isEmpty());
        assertEquals(1, vm.hits().size());
        vm.close();
    }
}
