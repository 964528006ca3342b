package dev.runlens.log;

/**
 * The session log Runlens writes: UTF-8 JSON Lines.
 * <pre>
 * {"runlens":"session-log","version":1,"protocol":"space-operator","url":"ws://host/ws","started_at":"...Z"}
 * {"at":"2026-11-22T10:00:00.130Z","frame":"{\"stream_id\":0,...}"}
 * {"at":"2026-11-22T10:00:01.000Z","meta":"disconnected","reason":"..."}
 * </pre>
 * A frame line keeps the received text exactly, as a JSON string, so a frame the parser rejects
 * is still recorded and can be reproduced.
 */
public final class SessionLogFormat {
    public static final String MARKER = "runlens";
    public static final String MARKER_VALUE = "session-log";
    public static final int VERSION = 1;
    public static final String AT = "at";
    public static final String FRAME = "frame";
    public static final String META = "meta";

    private SessionLogFormat() {
    }
}
