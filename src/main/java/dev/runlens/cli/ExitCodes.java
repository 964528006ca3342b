package dev.runlens.cli;

/** Process exit statuses shared by the commands. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int TOKEN_REFUSED = 3;
    public static final int NOT_FOUND = 4;
    public static final int GAVE_UP = 5;

    private ExitCodes() {
    }
}
