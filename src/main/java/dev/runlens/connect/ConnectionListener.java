package dev.runlens.connect;

import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;

/**
 * Receives what a live connection produces. Called on network threads: implementations must
 * return at once (enqueue, never wait for the FX thread). Replayed duplicates after a reconnect
 * are dropped before they reach a listener.
 */
public interface ConnectionListener {

    void onFrame(ReceivedFrame frame);

    /** The connection moved to {@code state}; {@code message} is one sentence for the operator. */
    void onState(ConnectionState state, String message);

    /** Events of {@code run} may be missing between the gap's times (Lyzr has no replay). */
    default void onGap(RunRef run, Gap gap) {
    }

    /**
     * A Space Operator run that is no longer live on the socket (not found, or finished while
     * disconnected) has this final output, fetched from {@code GET /flow/output/{id}}: a tagged Value as JSON.
     */
    default void onFinalOutput(RunRef run, String outputJson) {
    }

    /**
     * A Space Operator run that went quiet without FlowFinish and that {@code GET /flow/output}
     * says is over: it ends as the recorded {@code quiet_end} line ends it on replay.
     */
    default void onEndedWithoutFinish(RunRef run) {
    }

    /**
     * Lyzr's {@code task-status} answered after a gap (or an idle timeout): every task in
     * {@code results} (task name → output) completed, and {@code status} ({@code processing},
     * {@code completed}, {@code failed}, {@code error}) says whether the run ended. Apply it with
     * {@code SessionMeta.reconcile}, as a reader of the recorded {@code reconciled} line does.
     */
    default void onReconciled(RunRef run, String status, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> results) {
    }

    /**
     * Asking task-status failed (key refused, unknown task_id, network...): one sentence for the
     * operator. The gap stays as it was; the connection carries on (after an idle timeout it ends,
     * and the terminal state's message says the same).
     */
    default void onReconcileFailed(RunRef run, String sentence) {
    }
}
