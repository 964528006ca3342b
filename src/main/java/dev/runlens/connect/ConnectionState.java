package dev.runlens.connect;

/** Where a connection is. Errors are states with a sentence for the operator, never exceptions. */
public enum ConnectionState {
    CONNECTING("connecting"),
    AUTHENTICATING("authenticating"),
    LIVE("live"),
    RECONNECTING("reconnecting"),
    /** Every watched run reached its end; the connection was closed on purpose. */
    FINISHED("finished"),
    /** The server refused the token: no retry. */
    TOKEN_REFUSED("token refused"),
    UNAUTHORIZED("not authorized"),
    NOT_FOUND("run not found"),
    /** Gave up (idle timeout, reconnect limit) or a permanent failure. */
    FAILED("failed"),
    CLOSED("closed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == FINISHED || this == TOKEN_REFUSED || this == UNAUTHORIZED || this == NOT_FOUND
                || this == FAILED || this == CLOSED;
    }
}
