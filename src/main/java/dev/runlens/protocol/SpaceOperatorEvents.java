package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Builds run events from Space Operator kinds and fields; shared by the v2 and v1 framings. */
final class SpaceOperatorEvents {
    private SpaceOperatorEvents() {
    }

    static RunEvent build(RunRef run, String kind, Instant time, JsonNode f) throws InvalidFrameException {
        switch (kind) {
            case "FlowStart":
                return new RunEvent.FlowStarted(run, time, null);
            case "FlowLog":
                return new RunEvent.FlowLog(run, time, Fields.text(f, "level"), Fields.text(f, "module"),
                        Fields.text(f, "content"));
            case "FlowError":
                return new RunEvent.FlowError(run, time, Fields.errorMessage(f.get("error"), f), false);
            case "FlowFinish":
                return new RunEvent.FlowFinished(run, time, Fields.stringList(f, "not_run"),
                        Payload.tagged(nonNull(f.get("output"))));
            case "NodeStart":
                return new RunEvent.NodeStarted(run, time, node(f, kind), Payload.tagged(nonNull(f.get("input"))));
            case "NodeOutput":
                return new RunEvent.NodeOutput(run, time, node(f, kind), Payload.tagged(nonNull(f.get("output"))));
            case "NodeError":
                return new RunEvent.NodeError(run, time, node(f, kind), Fields.errorMessage(f.get("error"), f),
                        false, null);
            case "NodeLog":
                return new RunEvent.NodeLog(run, time, node(f, kind), Fields.text(f, "level"),
                        Fields.text(f, "module"), Fields.text(f, "content"));
            case "NodeFinish":
                return new RunEvent.NodeFinished(run, time, node(f, kind), null, null);
            case "SignatureRequest":
                JsonNode id = f.get("id");
                return new RunEvent.SignatureRequest(run, time, id != null && id.canConvertToLong() ? id.longValue() : -1,
                        Fields.text(f, "pubkey"), Fields.text(f, "message"), Fields.number(f, "timeout"),
                        Fields.text(f, "kind"), f);
            case "ApiInput":
                return new RunEvent.ApiInput(run, time, Fields.text(f, "url"));
            default:
                return new RunEvent.UnknownEvent(run, time, kind, f);
        }
    }

    /** SignatureRequest carries epoch milliseconds; every other kind RFC 3339. */
    static Instant time(String kind, JsonNode holder) throws InvalidFrameException {
        JsonNode t = holder.get("time");
        if ("SignatureRequest".equals(kind) && t != null && t.isNumber()) {
            return Fields.epochMillis(t);
        }
        return Fields.rfc3339(holder, "time", kind);
    }

    private static NodeRef node(JsonNode f, String kind) throws InvalidFrameException {
        return NodeRef.spaceOperator(Fields.requireText(f, "node_id", kind), Fields.times(f, kind));
    }

    private static JsonNode nonNull(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }
}
