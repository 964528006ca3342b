package dev.runlens.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;

import java.util.Map;

/**
 * When no token was given and the server refuses the connection, the operator is told that, and
 * where the token was looked for, instead of the server's "unauthenticated" or "unauthorized"
 * (which reads as a wrong token). Wraps the listener of a connection opened without a token.
 */
public final class MissingToken implements ConnectionListener {
    private final ConnectionListener next;
    private final String where;

    private MissingToken(ConnectionListener next, String where) {
        this.next = next;
        this.where = where;
    }

    /**
     * {@code listener} as it is when a token was given; else one that rewords a refusal.
     * {@code where}: where the token was looked for ("the environment variable RUNLENS_TOKEN is not set").
     */
    public static ConnectionListener wrap(ConnectionListener listener, boolean tokenGiven, String where) {
        return tokenGiven ? listener : new MissingToken(listener, where);
    }

    /** The one sentence for a refusal without a token. */
    public static String sentence(String where) {
        return "The server requires a token and no token was given: " + where + ".";
    }

    @Override
    public void onState(ConnectionState state, String message) {
        boolean refused = state == ConnectionState.TOKEN_REFUSED || state == ConnectionState.UNAUTHORIZED;
        next.onState(state, refused ? sentence(where) : message);
    }

    @Override
    public void onFrame(ReceivedFrame frame) {
        next.onFrame(frame);
    }

    @Override
    public void onGap(RunRef run, Gap gap) {
        next.onGap(run, gap);
    }

    @Override
    public void onFinalOutput(RunRef run, String outputJson) {
        next.onFinalOutput(run, outputJson);
    }

    @Override
    public void onEndedWithoutFinish(RunRef run) {
        next.onEndedWithoutFinish(run);
    }

    @Override
    public void onReconciled(RunRef run, String status, Map<String, JsonNode> results) {
        next.onReconciled(run, status, results);
    }

    @Override
    public void onReconcileFailed(RunRef run, String sentence) {
        next.onReconcileFailed(run, sentence);
    }
}
