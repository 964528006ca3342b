package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** Lyzr agent-workflow frames: flat objects with {@code event_type}. */
public final class LyzrDecoder {

    ProtocolEvent decode(JsonNode frame) throws InvalidFrameException {
        String type = frame.get("event_type").asText();
        if (type.equals("keepalive") || type.equals("ping") || type.equals("pong")) {
            return new ControlEvent.Keepalive(type);
        }
        String message = Fields.text(frame, "message");
        if (message != null && message.startsWith("Echoing:")) {
            return new ControlEvent.Greeting(message);
        }
        String flow = Fields.text(frame, "flow_name");
        String runName = Fields.text(frame, "run_name");
        if (flow == null || runName == null) {
            throw new InvalidFrameException(type + " without flow_name and run_name");
        }
        RunRef run = RunRef.lyzr(flow, runName);
        Instant time;
        String problem = null;
        try {
            time = Fields.epochSeconds(frame, "timestamp", type);
        } catch (InvalidFrameException e) {
            // One unreadable field does not lose the event (a flow_completed must still end its run).
            time = null;
            problem = e.getMessage() + "; applied without a time";
        }
        return switch (type) {
            case "flow_started" -> new RunEvent.FlowStarted(run, time, message, problem);
            case "task_started" -> new RunEvent.NodeStarted(run, time, task(frame, type), Payload.plain(frame.get("input")), problem);
            case "task_completed" -> new RunEvent.NodeFinished(run, time, task(frame, type), Payload.plain(frame.get("output")),
                    Fields.number(frame, "execution_time"), problem);
            case "task_failed" -> new RunEvent.NodeError(run, time, task(frame, type),
                    Fields.errorMessage(frame.get("error"), frame), true, frame.get("error"), problem);
            case "flow_completed" -> new RunEvent.FlowFinished(run, time, List.of(),
                    Payload.plain(frame.has("output") ? frame.get("output") : frame.get("results")), problem);
            case "flow_error" -> new RunEvent.FlowError(run, time, Fields.errorMessage(frame.get("error"), frame), true, problem);
            default -> new RunEvent.UnknownEvent(run, time, type, frame, problem);
        };
    }

    private static NodeRef task(JsonNode frame, String type) throws InvalidFrameException {
        return NodeRef.lyzr(Fields.requireText(frame, "task_name", type), Fields.text(frame, "task_id"));
    }
}
