package dev.runlens.protocol;

/**
 * A frame that could not be used. {@link Kind#NOT_JSON} frames are not JSON at all (or exceed the
 * parser's limits); {@link Kind#INVALID} frames are JSON that breaks the protocol's rules, such
 * as a node event without a node id.
 */
public record MalformedFrame(Kind kind, String reason, String preview) implements ProtocolEvent {
    public enum Kind { NOT_JSON, INVALID }

    public static MalformedFrame notJson(String reason, String text) {
        return new MalformedFrame(Kind.NOT_JSON, reason, preview(text));
    }

    public static MalformedFrame invalid(String reason, String text) {
        return new MalformedFrame(Kind.INVALID, reason, preview(text));
    }

    static String preview(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }
}
