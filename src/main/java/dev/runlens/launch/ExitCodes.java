package dev.runlens.launch;

import dev.runlens.act.ActionFailure;
import dev.runlens.connect.ConnectionState;

/** Process exit statuses shared by the batch and the window commands. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int TOKEN_REFUSED = 3;
    public static final int NOT_FOUND = 4;
    public static final int GAVE_UP = 5;
    /** {@code start} and {@code stop}: the server refused the action (403, 404 for a flow, 5xx, an answer without a run). */
    public static final int REFUSED = 6;

    private ExitCodes() {
    }

    /**
     * The status of a connection that stopped in {@code end} (null: it never reached a terminal
     * state): 0 when every run finished whole, 4 when one was unknown or ended unseen, 3 for a
     * refused token, else 5.
     */
    public static int ofEnd(ConnectionState end, boolean everyRunWhole) {
        if (end == ConnectionState.FINISHED) {
            return everyRunWhole ? OK : NOT_FOUND;
        }
        int problem = end == null ? OK : ofProblem(end);
        return problem == OK ? GAVE_UP : problem;
    }

    /** The status a state stands for when it is a problem (3, 4 or 5), else 0. */
    public static int ofProblem(ConnectionState state) {
        return switch (state) {
            case TOKEN_REFUSED, UNAUTHORIZED -> TOKEN_REFUSED;
            case NOT_FOUND -> NOT_FOUND;
            case FAILED -> GAVE_UP;
            default -> OK;
        };
    }

    /**
     * The status of an action the server did not carry out: {@code record}'s statuses, plus 6 for a
     * refusal. Shared by the {@code start}/{@code stop} commands and the window's {@code start --watch}.
     */
    public static int ofAction(ActionFailure.Kind kind, boolean runNotFoundIs4) {
        return switch (kind) {
            case TOKEN_REFUSED -> TOKEN_REFUSED;
            case NOT_FOUND -> runNotFoundIs4 ? NOT_FOUND : REFUSED;
            case FORBIDDEN, SERVER, BAD_ANSWER -> REFUSED;
            case TIMEOUT, NETWORK -> GAVE_UP;
            case INSECURE, BAD_INPUT -> USAGE;
        };
    }
}
