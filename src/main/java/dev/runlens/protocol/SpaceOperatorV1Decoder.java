package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Space Operator v1 (legacy) events: {@code {"sub_id":N,"event":{"flow_run_id":..,"time":..,
 * "content":{"Kind":{...}}}}} and {@code {"sub_id":N,"event":"Done"}}.
 */
public final class SpaceOperatorV1Decoder {

    ProtocolEvent decode(JsonNode frame) throws InvalidFrameException {
        JsonNode subNode = frame.get("sub_id");
        long subId = subNode.canConvertToLong() ? subNode.longValue() : -1;
        JsonNode event = frame.get("event");
        if (event.isTextual()) {
            if ("Done".equals(event.textValue())) {
                return new ControlEvent.StreamDone(subId);
            }
            throw new InvalidFrameException("v1 event \"" + event.textValue() + "\" is not an object");
        }
        String runId = Fields.requireText(event, "flow_run_id", "v1 event");
        JsonNode content = event.get("content");
        String kind;
        JsonNode fields;
        if (content != null && content.isTextual()) {
            kind = content.textValue();
            fields = Fields.EMPTY;
        } else if (content != null && content.isObject() && content.size() == 1) {
            Map.Entry<String, JsonNode> only = content.properties().iterator().next();
            kind = only.getKey();
            fields = only.getValue().isObject() ? only.getValue() : Fields.EMPTY;
        } else {
            throw new InvalidFrameException("v1 event without a one-key \"content\"");
        }
        RunRef run = new RunRef(Source.SPACE_OPERATOR_V1, runId);
        return SpaceOperatorEvents.build(run, kind, event, fields);
    }
}
