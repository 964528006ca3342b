package dev.runlens.replay;

/** The markers of the seek bar. */
public enum MarkerKind {
    /** Flow and node errors. */
    ERROR,
    /** Node starts (NodeStart, task_started). */
    NODE_START,
    /** Session-log meta lines: subscribed, disconnected, reconnecting, gaps. */
    CONNECTION,
    /** Malformed frames and unreadable pieces of the file. */
    MALFORMED
}
