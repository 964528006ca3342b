package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Builds run events from Space Operator kinds and fields; shared by the v2 and v1 framings. */
final class SpaceOperatorEvents {
    private SpaceOperatorEvents() {
    }

    /**
     * The event of {@code kind} with fields {@code f}, its time read from {@code timeHolder}. An
     * unreadable time does not lose the event: it is built without a time and says why
     * ({@link RunEvent#problem()}), so a FlowFinish with a bad time still ends its run.
     */
    static RunEvent build(RunRef run, String kind, JsonNode timeHolder, JsonNode f) throws InvalidFrameException {
        Instant time;
        String problem = null;
        try {
            time = time(kind, timeHolder);
        } catch (InvalidFrameException e) {
            time = null;
            problem = e.getMessage() + "; applied without a time";
        }
        return build(run, kind, time, f, problem);
    }

    private static RunEvent build(RunRef run, String kind, Instant time, JsonNode f, String problem) throws InvalidFrameException {
        switch (kind) {
            case "FlowStart":
                return new RunEvent.FlowStarted(run, time, null, problem);
            case "FlowLog":
                return new RunEvent.FlowLog(run, time, Fields.text(f, "level"), Fields.text(f, "module"),
                        Fields.text(f, "content"), problem);
            case "FlowError":
                return new RunEvent.FlowError(run, time, Fields.errorMessage(f.get("error"), f), false, problem);
            case "FlowFinish":
                return new RunEvent.FlowFinished(run, time, Fields.stringList(f, "not_run"),
                        Payload.tagged(nonNull(f.get("output"))), problem);
            case "NodeStart":
                return new RunEvent.NodeStarted(run, time, node(f, kind), Payload.tagged(nonNull(f.get("input"))), problem);
            case "NodeOutput":
                return new RunEvent.NodeOutput(run, time, node(f, kind), Payload.tagged(nonNull(f.get("output"))), problem);
            case "NodeError":
                return new RunEvent.NodeError(run, time, node(f, kind), Fields.errorMessage(f.get("error"), f),
                        false, null, problem);
            case "NodeLog":
                return new RunEvent.NodeLog(run, time, node(f, kind), Fields.text(f, "level"),
                        Fields.text(f, "module"), Fields.text(f, "content"), problem);
            case "NodeFinish":
                return new RunEvent.NodeFinished(run, time, node(f, kind), null, null, problem);
            case "SignatureRequest":
                JsonNode id = f.get("id");
                return new RunEvent.SignatureRequest(run, time, id != null && id.canConvertToLong() ? id.longValue() : -1,
                        Fields.text(f, "pubkey"), Fields.text(f, "message"), Fields.number(f, "timeout"),
                        Fields.text(f, "kind"), f, problem);
            case "ApiInput":
                return new RunEvent.ApiInput(run, time, Fields.text(f, "url"), problem);
            default:
                return new RunEvent.UnknownEvent(run, time, kind, f, problem);
        }
    }

    /** SignatureRequest carries epoch milliseconds; every other kind RFC 3339. */
    private static Instant time(String kind, JsonNode holder) throws InvalidFrameException {
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
