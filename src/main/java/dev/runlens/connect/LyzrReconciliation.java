package dev.runlens.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.RunRef;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lyzr has no replay: after a reconnect, or when the socket stays silent, {@code task-status}
 * says what the run did meanwhile (its status and completed tasks), which goes into the log as
 * meta {@code reconciled} and to the listener. Asks on a thread of its own; every method and
 * every answer runs with the connection's lock held.
 */
final class LyzrReconciliation {
    /** What the answers may do to the connection; called with its lock held. */
    interface Connection {
        boolean stopped();

        boolean ending();

        /** The run ended while its events were missed: stop as finished. */
        void finish(String sentence);

        /** The idle timeout asked and the answer did not end the run: stop as failed. */
        void giveUpIdle(String detail);
    }

    private final Object lock;
    /** Not final: a run started from the window brings its API key and base with its task_id. */
    private ConnectionRequest request;
    private final RunRef run;
    private final ConnectionJournal journal;
    private final ConnectionListener listener;
    private final Connection connection;
    /** The run-dag task_id; may arrive after the socket opened (Lyzr's own order: connect, then post run-dag). */
    private String taskId;
    /** A request is in flight. */
    private boolean asking;
    /** The idle timeout already asked once: the next answer ends the connection. */
    private boolean idleAsked;
    /** Another reconnect happened while asking: ask once more with the answer in. */
    private boolean again;
    /** The Lyzr API refused the key: never ask again. */
    private boolean refused;

    LyzrReconciliation(Object lock, ConnectionRequest request, RunRef run, ConnectionJournal journal,
                       ConnectionListener listener, Connection connection) {
        this.lock = lock;
        this.request = request;
        this.run = run;
        this.journal = journal;
        this.listener = listener;
        this.connection = connection;
        this.taskId = request.lyzrTaskId();
    }

    void taskId(String id) {
        if (id != null && !id.isBlank()) {
            taskId = id;
        }
    }

    /** The task_id with the API key and base it is asked with ({@code api} null: derived from the socket). */
    void taskId(String id, Secret key, java.net.URI api) {
        if (key != null) {
            request = request.withLyzrApi(key, api);
        }
        taskId(id);
    }

    /** Whether an answer is awaited (the idle timer waits for it). */
    boolean asking() {
        return asking;
    }

    /** A Lyzr run with a task_id and an API key the API has not refused. */
    boolean possible() {
        return run != null && taskId != null && request.lyzrApiKey() != null && !refused;
    }

    /** The socket was silent too long: asks once; true when it did (the answer decides the end). */
    boolean askBecauseIdle() {
        if (!possible() || idleAsked) {
            return false;
        }
        idleAsked = true;
        ask(true);
        return true;
    }

    /** Events may have been missed (a reconnect): asks when it can. */
    void askAfterGap() {
        if (possible()) {
            ask(false);
        }
    }

    private void ask(boolean idle) {
        if (connection.stopped()) {
            return;
        }
        if (asking) {
            again |= !idle;
            return;
        }
        asking = true;
        String id = taskId;
        Thread.ofPlatform().daemon().name("runlens-task-status").start(() -> {
            TaskStatusFetcher.Result result = TaskStatusFetcher.fetch(request, id);
            synchronized (lock) {
                asking = false;
                if (!connection.stopped()) {
                    answered(result, id, idle);
                }
                if (again && possible()) {
                    again = false;
                    ask(false);
                }
            }
        });
    }

    private void answered(TaskStatusFetcher.Result r, String id, boolean idle) {
        if (r.failure() != null) {
            refused |= r.refused();
            String sentence = journal.redact(r.failure());
            journal.meta("reconcile_failed", Map.of("reason", sentence));
            listener.onReconcileFailed(run, sentence);
            if (idle) {
                connection.giveUpIdle(sentence);
            }
            return;
        }
        JsonNode results;
        try {
            results = Json.parse(journal.redact(Json.compact(r.results())));
        } catch (IOException e) {
            results = Json.object(); // unreachable: the text was JSON before masking
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", run.source().id());
        fields.put("run_id", run.runId());
        fields.put("task_id", id);
        fields.put("status", r.status());
        fields.put("results", results);
        journal.meta(SessionMeta.RECONCILED, fields);
        Map<String, JsonNode> byTask = new LinkedHashMap<>();
        results.fields().forEachRemaining(e -> byTask.put(e.getKey(), e.getValue()));
        listener.onReconciled(run, r.status(), byTask);
        String told = "task-status says the run is " + r.status() + " and lists " + byTask.size() + " completed task(s)";
        if (r.ended() && !connection.ending()) {
            connection.finish("The Lyzr run ended while its events were missed: " + told + ".");
        } else if (idle && !connection.ending()) {
            connection.giveUpIdle(told + ".");
        }
    }
}
