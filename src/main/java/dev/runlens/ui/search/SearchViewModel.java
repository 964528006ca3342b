package dev.runlens.ui.search;

import dev.runlens.history.BadQueryException;
import dev.runlens.history.SearchHit;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search panel's state: the query as typed, the hits, and one sentence when the query cannot
 * be read. Typing is debounced and searches run on a background thread; only the answer to the
 * newest query is shown. No controls here, so it is tested without a toolkit.
 */
public final class SearchViewModel {
    static final long DEBOUNCE_MILLIS = 200;
    static final int LIMIT = 200;

    /** The search itself (the history index), on a background thread. */
    public interface Searcher {
        List<SearchHit> search(String query, int limit) throws BadQueryException, IOException;
    }

    private final Searcher searcher;
    private final Executor fx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("runlens-search").factory());
    private final AtomicLong generation = new AtomicLong();
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Type to search every recorded run.");

    public SearchViewModel(Searcher searcher, Executor fx) {
        this.searcher = searcher;
        this.fx = fx;
    }

    /** The query changed (FX thread): searches once typing pauses. */
    public void queryChanged(String query) {
        long gen = generation.incrementAndGet();
        worker.execute(() -> {
            try {
                Thread.sleep(DEBOUNCE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (gen != generation.get()) {
                return;
            }
            run(gen, query);
        });
    }

    private void run(long gen, String query) {
        if (query.isBlank()) {
            answer(gen, List.of(), "", "Type to search every recorded run.");
            return;
        }
        try {
            List<SearchHit> found = searcher.search(query, LIMIT);
            String s = found.isEmpty() ? "No execution matches." : found.size() + (found.size() == LIMIT ? "+ hits" : found.size() == 1 ? " hit" : " hits");
            answer(gen, found, "", s);
        } catch (BadQueryException e) {
            answer(gen, List.of(), e.getMessage(), "");
        } catch (IOException | RuntimeException e) {
            answer(gen, List.of(), "The history index could not be searched: " + e.getMessage(), "");
        }
    }

    private void answer(long gen, List<SearchHit> found, String problemText, String statusText) {
        fx.execute(() -> {
            if (gen != generation.get()) {
                return;
            }
            hits.setAll(found);
            problem.set(problemText);
            status.set(statusText);
        });
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void close() {
        worker.shutdownNow();
    }
}
