package dev.runlens.cli;

import dev.runlens.act.ActionFailure;
import dev.runlens.launch.ExitCodes;

/** The exit status of an action the server did not carry out: {@code record}'s statuses, plus 6 for a refusal. */
final class ActionExits {
    private ActionExits() {
    }

    static int of(ActionFailure.Kind kind, boolean runNotFoundIs4) {
        return switch (kind) {
            case TOKEN_REFUSED -> ExitCodes.TOKEN_REFUSED;
            case NOT_FOUND -> runNotFoundIs4 ? ExitCodes.NOT_FOUND : ExitCodes.REFUSED;
            case FORBIDDEN, SERVER, BAD_ANSWER -> ExitCodes.REFUSED;
            case TIMEOUT, NETWORK -> ExitCodes.GAVE_UP;
            case INSECURE, BAD_INPUT -> ExitCodes.USAGE;
        };
    }
}
