package dev.runlens.ui.search;

import dev.runlens.history.HistoryService;
import dev.runlens.history.SearchHit;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.replay.ReplayController;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The window's side of history search: the index service (started by the application, not by
 * every dashboard a test builds), the search dialog, and opening a hit in the replay view.
 */
public final class SearchUi {
    private final HitOpener opener;
    private final ReplayController replay;
    private HistoryService history;
    private SearchDialog dialog;

    public SearchUi(ReplayController replay, DashboardModel model, Selection selection) {
        this.opener = new HitOpener(replay, model, selection);
        this.replay = replay;
    }

    /**
     * Uses {@code service} for indexing and search; it is closed with the window. It waits while
     * the replay plays or seeks: indexing the opened file was a second decoding pass over it on
     * the cores the replay needs (decision 0081); it goes on when the replay pauses or ends.
     */
    public void use(HistoryService service) {
        this.history = service;
        service.yieldAlsoWhile(replay::inUse);
    }

    /** Indexes {@code file} too (a file opened in the window, a live recording). */
    public void indexToo(Path file) {
        if (history != null && file != null) {
            history.add(file);
        }
    }

    /** Shows the search dialog (FX thread). */
    public void show(Window owner) {
        if (dialog == null) {
            dialog = new SearchDialog(new SearchViewModel(this::search, FxThread::later), opener::open);
        }
        dialog.show(owner);
    }

    private List<SearchHit> search(String query, int limit) throws dev.runlens.history.BadQueryException, IOException {
        HistoryService h = history;
        if (h == null) {
            throw new IOException("this window has no history index");
        }
        if (h.problem() != null) {
            throw new IOException(h.problem());
        }
        return h.search(query, limit);
    }

    /** Closes the dialog and the index (committing it and releasing its lock). */
    public void close() {
        opener.stop();
        if (dialog != null) {
            dialog.close();
        }
        if (history != null) {
            history.close();
        }
    }
}
