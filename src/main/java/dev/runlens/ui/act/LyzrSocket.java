package dev.runlens.ui.act;

import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;

import java.net.URI;
import java.util.Map;

/**
 * A Lyzr run's socket the window opened before posting {@code run-dag} (Lyzr has no replay): its
 * state, the hand-over of the answered task_id to reconciliation, its session log, and closing it
 * again when the post fails.
 */
public interface LyzrSocket {
    ConnectionState state();

    /** Gaps are reconciled from {@code GET {api}/task-status/{taskId}} with {@code key} from now on. */
    void reconcileWith(String taskId, Secret key, URI api);

    /** Writes a meta line into the socket's session log ({@code run_started}). */
    void note(String kind, Map<String, ?> fields);

    void close();
}
