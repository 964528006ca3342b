package dev.runlens.connect;

import java.util.Map;

/** What a {@link Conversation} may ask of its connection service. */
interface ConversationHost {
    void send(String text);

    void state(ConnectionState state, String message);

    void meta(String kind, Map<String, ?> fields);

    /** Stop for good in {@code state} (no reconnect). */
    void stop(ConnectionState state, String message);

    /** The connection authenticated and delivered run events: reconnect delays start over. */
    void delivering();

    /** Every watched run ended; Lyzr waits a grace period for late frames first. */
    void runsEnded(boolean grace);

    /** Events of {@code run} may be missing since the connection dropped. */
    void gap(dev.runlens.protocol.RunRef run, String reason);

    /** Asks Lyzr's task-status what the run completed, when its task_id and an API key are known. */
    void reconcile();

    /** Fetches the run's output over HTTP in the background, then runs {@code after} (with the lock held). */
    void fetchFinalOutput(String runId, Runnable after);

    /** Sends a WebSocket Ping. */
    void ping();

    Secret token();

    ConnectionRequest request();
}
