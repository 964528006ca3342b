package dev.runlens.ui.rows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlens.json.Json;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.Payload;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** The one-line summary of a frame shown in the event log. Computed off the FX thread. */
public final class FrameSummary {
    private static final int MAX = 160;

    private FrameSummary() {
    }

    /** Frames longer than this are summarized without looking inside their payloads. */
    static final int LOOK_INSIDE_LIMIT = 256 * 1024;

    /**
     * The summary of a frame of {@code frameLength} chars. Never throws: a frame is never lost
     * because its summary could not be made.
     */
    public static String of(ProtocolEvent event, int frameLength) {
        try {
            if (frameLength > LOOK_INSIDE_LIMIT && event instanceof RunEvent e && hasPayload(e)) {
                return e.kind() + " with a payload of " + size(frameLength);
            }
            return summarize(event);
        } catch (RuntimeException e) {
            return "(no summary: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static boolean hasPayload(RunEvent e) {
        return switch (e) {
            case RunEvent.NodeStarted _, RunEvent.NodeOutput _, RunEvent.NodeFinished _, RunEvent.FlowFinished _ -> true;
            default -> false;
        };
    }

    private static String size(int chars) {
        return chars >= 1_000_000 ? String.format("%.1f MB", chars / 1e6) : String.format("%.0f kB", chars / 1e3);
    }

    private static String summarize(ProtocolEvent event) {
        String s = switch (event) {
            case RunEvent.FlowStarted e -> e.message() == null ? "run started" : e.message();
            case RunEvent.FlowLog e -> level(e.level()) + e.content();
            case RunEvent.FlowError e -> e.message();
            case RunEvent.FlowFinished e -> "run finished" + (e.notRun().isEmpty() ? "" : ", " + e.notRun().size() + " not run");
            case RunEvent.NodeStarted e -> "input " + shape(e.input());
            case RunEvent.NodeOutput e -> "output " + shape(e.output());
            case RunEvent.NodeError e -> e.message();
            case RunEvent.NodeLog e -> level(e.level()) + e.content();
            case RunEvent.NodeFinished e -> (e.output() == null ? "finished" : "finished, output " + shape(e.output()))
                    + (e.executionSeconds() == null ? "" : " in " + e.executionSeconds() + " s");
            case RunEvent.SignatureRequest e -> "signature requested from " + e.pubkey();
            case RunEvent.ApiInput e -> "waiting for a value at " + e.url();
            case RunEvent.UnknownEvent e -> "unknown event kind " + e.kind();
            case MalformedFrame m -> m.reason();
            case ControlEvent.Response r -> r.ok() ? "Ok for request " + r.id() : "Err for request " + r.id() + ": " + r.error();
            case ControlEvent c -> c.getClass().getSimpleName();
        };
        if (s == null) {
            return "";
        }
        s = s.replace('\n', ' ');
        return s.length() <= MAX ? s : s.substring(0, MAX) + "…";
    }

    private static String level(String level) {
        return level == null ? "" : "[" + level + "] ";
    }

    /**
     * The payload's outline: its keys (a tagged map's inner keys), its tag, or its type. Read from
     * the payload's text ({@link PayloadShape}, else a streaming parser), so no tree is built (and
     * none is kept on the payload) for a line of the event log.
     */
    static String shape(Payload p) {
        if (p == null) {
            return "(none)";
        }
        String text = p.text();
        String scanned = PayloadShape.of(text, p.tagged());
        return scanned != null ? scanned : parsedShape(text, p.tagged());
    }

    /** {@link #shape} by a streaming parser: what {@link PayloadShape} leaves to it, and its reference in tests. */
    static String parsedShape(String text, boolean tagged) {
        try (JsonParser in = Json.factory().createParser(text)) {
            JsonToken first = in.nextToken();
            if (first == JsonToken.START_OBJECT) {
                return objectShape(in, tagged);
            }
            if (first == JsonToken.VALUE_STRING) {
                return "\"" + in.getText() + "\"";
            }
            return first == null ? "missing" : typeName(first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String objectShape(JsonParser in, boolean tagged) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> inner = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonToken value = in.nextToken();
            if (tagged && keys.isEmpty() && "M".equals(key) && value == JsonToken.START_OBJECT) {
                inner = new LinkedHashSet<>();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    inner.add(in.currentName());
                    in.nextToken();
                    in.skipChildren();
                }
            } else {
                in.skipChildren();
            }
            keys.add(key);
        }
        if (tagged && keys.size() == 1) {
            return inner != null ? "{" + String.join(", ", inner) + "}" : keys.iterator().next();
        }
        return "{" + String.join(", ", keys) + "}";
    }

    private static String typeName(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT -> "pojo";
            default -> t.name().toLowerCase();
        };
    }
}
