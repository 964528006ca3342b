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

    /** Events of {@code run} may be missing between the last outage's cut and the reconnect. */
    void gap(dev.runlens.protocol.RunRef run, String reason);

    /** Events of {@code run} may be missing between {@code from} and {@code to}. */
    void gap(dev.runlens.protocol.RunRef run, java.time.Instant from, java.time.Instant to, String reason);

    /** When the current socket opened after the last outage (null if there was none). */
    java.time.Instant reconnectedAt();

    /** Whether {@code c} is still the conversation of the open socket (answers from HTTP may come late). */
    boolean isCurrent(Conversation c);

    /** Drops this socket and connects again soon (another server instance may hold a run). */
    void reconnectSoon(String sentence);

    /** Asks Lyzr's task-status what the run completed, when its task_id and an API key are known. */
    void reconcile();

    /**
     * Fetches the run's output over HTTP in the background (waiting at most {@code timeout}),
     * records it when there is one, then tells {@code after} whether there was (with the lock held).
     */
    void fetchFinalOutput(String runId, java.time.Duration timeout, java.util.function.Consumer<Boolean> after);

    /** The run ended without FlowFinish (its quiet_end line is recorded): the listener ends it too. */
    void endedWithoutFinish(dev.runlens.protocol.RunRef run);

    /** Sends a WebSocket Ping. */
    void ping();

    Secret token();

    ConnectionRequest request();
}
