package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Space Operator v2 events: {@code {"stream_id":N,"event":"Kind","data":{...,"flow_run_id":..}}}.
 * Streams are remembered so an event without flow_run_id still finds its run.
 */
public final class SpaceOperatorV2Decoder {
    private final Map<Long, String> runByStream = new HashMap<>();

    /** Tells the decoder which run a stream belongs to (from the subscribe request). */
    public void registerStream(long streamId, String flowRunId) {
        runByStream.put(streamId, flowRunId);
    }

    /** Remembers the run of a stream the first time an event names it. */
    void noteStream(long streamId, String flowRunId) {
        runByStream.putIfAbsent(streamId, flowRunId);
    }

    ProtocolEvent decode(JsonNode frame) throws InvalidFrameException {
        JsonNode streamNode = frame.get("stream_id");
        if (!streamNode.canConvertToLong()) {
            throw new InvalidFrameException("stream_id is not an integer");
        }
        long streamId = streamNode.longValue();
        String kind = frame.get("event").textValue();
        JsonNode data = frame.get("data");
        if (data == null || data.isNull()) {
            data = Fields.EMPTY;
        }
        if (!data.isObject()) {
            throw new InvalidFrameException(kind + " whose \"data\" is not an object");
        }
        String runId = Fields.text(data, "flow_run_id");
        if (runId == null) {
            runId = runByStream.get(streamId);
        } else {
            runByStream.putIfAbsent(streamId, runId);
        }
        if (runId == null) {
            throw new InvalidFrameException(kind + " on stream " + streamId + " without a flow_run_id");
        }
        RunRef run = new RunRef(Source.SPACE_OPERATOR, runId);
        return SpaceOperatorEvents.build(run, kind, data, data);
    }
}
