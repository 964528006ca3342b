package dev.runlens.launch;

import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.ForwardingListener;

/**
 * When no token was given and the server refuses the connection, the operator is told that, and
 * where the token was looked for, instead of the server's "unauthenticated" or "unauthorized"
 * (which reads as a wrong token). Wraps the listener of a connection opened without a token.
 */
public final class MissingToken extends ForwardingListener {
    private final String where;

    private MissingToken(ConnectionListener next, String where) {
        super(next);
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
}
