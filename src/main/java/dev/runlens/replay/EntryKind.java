package dev.runlens.replay;

/** What one indexed entry of a log is: a run event of some kind, or a frame/line that is not one. */
public enum EntryKind {
    FLOW_STARTED, FLOW_LOG, FLOW_ERROR, FLOW_FINISHED,
    NODE_STARTED, NODE_OUTPUT, NODE_ERROR, NODE_LOG, NODE_FINISHED,
    SIGNATURE_REQUEST, API_INPUT, UNKNOWN_EVENT,
    /** A frame that is not a run event: response, keepalive, greeting, unrecognized JSON. */
    CONTROL,
    /** A frame the decoder rejected (not JSON, or JSON that breaks the protocol). */
    MALFORMED,
    /** A piece of the file that is not a readable frame (torn line, broken session line). */
    CORRUPT,
    /** A session-log meta line (subscribed, gap, disconnected...). */
    META;

    private static final EntryKind[] VALUES = values();

    static EntryKind of(int code) {
        return VALUES[code];
    }

    public boolean isRunEvent() {
        return ordinal() <= UNKNOWN_EVENT.ordinal();
    }

    /** Run errors (flow or node), the error markers of the seek bar. */
    public boolean isError() {
        return this == FLOW_ERROR || this == NODE_ERROR;
    }

    public boolean isNodeEvent() {
        return ordinal() >= NODE_STARTED.ordinal() && ordinal() <= NODE_FINISHED.ordinal();
    }
}
