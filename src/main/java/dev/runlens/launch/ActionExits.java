package dev.runlens.launch;

import dev.runlens.act.ActionFailure;

/**
 * The exit status of an action the server did not carry out: {@code record}'s statuses, plus 6 for a
 * refusal. Shared by the {@code start}/{@code stop} commands and the window's {@code start --watch}.
 */
public final class ActionExits {
    private ActionExits() {
    }

    public static int of(ActionFailure.Kind kind, boolean runNotFoundIs4) {
        return switch (kind) {
            case TOKEN_REFUSED -> ExitCodes.TOKEN_REFUSED;
            case NOT_FOUND -> runNotFoundIs4 ? ExitCodes.NOT_FOUND : ExitCodes.REFUSED;
            case FORBIDDEN, SERVER, BAD_ANSWER -> ExitCodes.REFUSED;
            case TIMEOUT, NETWORK -> ExitCodes.GAVE_UP;
            case INSECURE, BAD_INPUT -> ExitCodes.USAGE;
        };
    }
}
