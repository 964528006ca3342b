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
}
