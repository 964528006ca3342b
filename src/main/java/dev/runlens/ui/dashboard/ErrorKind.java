package dev.runlens.ui.dashboard;

/** What went wrong: in a run, or in the way its events reached us. */
public enum ErrorKind {
    NODE_ERROR("node error"),
    FLOW_ERROR("flow error"),
    TASK_FAILED("task failed"),
    MALFORMED_FRAME("malformed frame"),
    TOKEN_REFUSED("token refused"),
    CONNECTION("connection"),
    CONNECTION_LOST("connection lost"),
    GAP("gap"),
    UNREADABLE("unreadable input"),
    /** A fault of Runlens itself (an uncaught exception); the log file has its stack trace. */
    INTERNAL("Runlens error");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
