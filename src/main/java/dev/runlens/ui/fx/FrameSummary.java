package dev.runlens.ui.fx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.Payload;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;

/** The one-line summary of a frame shown in the event log. Computed off the FX thread. */
public final class FrameSummary {
    private static final int MAX = 160;

    private FrameSummary() {
    }

    /** Frames longer than this are summarized without looking inside their payloads. */
    static final int LOOK_INSIDE_LIMIT = 256 * 1024;

    public static String of(ProtocolEvent event) {
        return of(event, 0);
    }

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
        return e instanceof RunEvent.NodeStarted || e instanceof RunEvent.NodeOutput || e instanceof RunEvent.NodeFinished
                || e instanceof RunEvent.FlowFinished;
    }

    private static String size(int chars) {
        return chars >= 1_000_000 ? String.format("%.1f MB", chars / 1e6) : String.format("%.0f kB", chars / 1e3);
    }

    private static String summarize(ProtocolEvent event) {
        String s;
        if (event instanceof RunEvent.FlowStarted e) {
            s = e.message() == null ? "run started" : e.message();
        } else if (event instanceof RunEvent.FlowLog e) {
            s = level(e.level()) + e.content();
        } else if (event instanceof RunEvent.FlowError e) {
            s = e.message();
        } else if (event instanceof RunEvent.FlowFinished e) {
            s = "run finished" + (e.notRun().isEmpty() ? "" : ", " + e.notRun().size() + " not run");
        } else if (event instanceof RunEvent.NodeStarted e) {
            s = "input " + shape(e.input());
        } else if (event instanceof RunEvent.NodeOutput e) {
            s = "output " + shape(e.output());
        } else if (event instanceof RunEvent.NodeError e) {
            s = e.message();
        } else if (event instanceof RunEvent.NodeLog e) {
            s = level(e.level()) + e.content();
        } else if (event instanceof RunEvent.NodeFinished e) {
            s = e.output() == null ? "finished" : "finished, output " + shape(e.output());
            if (e.executionSeconds() != null) {
                s += " in " + e.executionSeconds() + " s";
            }
        } else if (event instanceof RunEvent.SignatureRequest e) {
            s = "signature requested from " + e.pubkey();
        } else if (event instanceof RunEvent.ApiInput e) {
            s = "waiting for a value at " + e.url();
        } else if (event instanceof RunEvent.UnknownEvent e) {
            s = "unknown event kind " + e.kind();
        } else if (event instanceof MalformedFrame m) {
            s = m.reason();
        } else if (event instanceof ControlEvent.Response r) {
            s = r.ok() ? "Ok for request " + r.id() : "Err for request " + r.id() + ": " + r.error();
        } else if (event instanceof ControlEvent c) {
            s = c.getClass().getSimpleName();
        } else {
            s = String.valueOf(event);
        }
        if (s == null) {
            return "";
        }
        s = s.replace('\n', ' ');
        return s.length() <= MAX ? s : s.substring(0, MAX) + "…";
    }

    private static String level(String level) {
        return level == null ? "" : "[" + level + "] ";
    }

    private static String shape(Payload p) {
        if (p == null) {
            return "(none)";
        }
        JsonNode json = p.json();
        if (p.tagged() && json.isObject() && json.size() == 1) {
            JsonNode inner = json.elements().next();
            if (json.has("M") && inner.isObject()) {
                return "{" + String.join(", ", iterable(inner)) + "}";
            }
            return json.fieldNames().next();
        }
        if (json.isObject()) {
            return "{" + String.join(", ", iterable(json)) + "}";
        }
        return json.isTextual() ? "\"" + json.textValue() + "\"" : json.getNodeType().name().toLowerCase();
    }

    private static Iterable<String> iterable(JsonNode object) {
        return object::fieldNames;
    }
}
