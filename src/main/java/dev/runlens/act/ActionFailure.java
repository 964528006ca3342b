package dev.runlens.act;

/**
 * An action the server did not carry out, as one sentence for the window and stderr (never
 * holding a token). {@link Kind} tells the command line which exit status it stands for.
 */
public final class ActionFailure extends Exception {
    /** Why it failed, as far as a caller must tell the cases apart. */
    public enum Kind {
        /** 401: the token or key was refused. */
        TOKEN_REFUSED,
        /** 403: the token is valid but may not do this. */
        FORBIDDEN,
        /** 404: no such flow, run or input. */
        NOT_FOUND,
        /** 5xx, or another status the server gave with its reason. */
        SERVER,
        /** 200 with a body that is not the answer this request gets. */
        BAD_ANSWER,
        /** No answer in time. */
        TIMEOUT,
        /** The server could not be reached. */
        NETWORK,
        /** Refused before sending: a token over plain http to a host that is not loopback. */
        INSECURE,
        /** The operator's input cannot be sent (not JSON, a value that is not tagged right). */
        BAD_INPUT
    }

    private final Kind kind;

    public ActionFailure(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The sentence, ready to print. */
    public String sentence() {
        return getMessage();
    }
}
