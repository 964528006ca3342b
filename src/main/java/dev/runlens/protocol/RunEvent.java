package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A normalized event of one run, whatever protocol it came from. {@code time} is the server's
 * time and may be null or out of order; receive times are kept by the log, not here.
 */
public sealed interface RunEvent extends ProtocolEvent {

    RunRef run();

    Instant time();

    /** The event's name on the wire ("NodeStart", "task_started"), for the event log. */
    String kind();

    /**
     * Why one field of an otherwise sound event could not be read (an unreadable {@code time}),
     * or null. Such an event is still applied, with that field unknown; the problem is listed
     * with the frame's errors (error panel, summary, replay).
     */
    String problem();

    /** The node this event belongs to, or null for flow-level events. */
    default NodeRef node() {
        return null;
    }

    private static boolean lyzr(RunRef run) {
        return run.source() == Source.LYZR;
    }

    record FlowStarted(RunRef run, Instant time, String message, String problem) implements RunEvent {
        public FlowStarted(RunRef run, Instant time, String message) {
            this(run, time, message, null);
        }

        public String kind() {
            return lyzr(run) ? "flow_started" : "FlowStart";
        }
    }

    record FlowLog(RunRef run, Instant time, String level, String module, String content, String problem) implements RunEvent {
        public FlowLog(RunRef run, Instant time, String level, String module, String content) {
            this(run, time, level, module, content, null);
        }

        public String kind() {
            return "FlowLog";
        }
    }

    /**
     * A run-level error. Space Operator's FlowError does not end the run; Lyzr's flow_error does
     * ({@code endsRun}).
     */
    record FlowError(RunRef run, Instant time, String message, boolean endsRun, String problem) implements RunEvent {
        public FlowError(RunRef run, Instant time, String message, boolean endsRun) {
            this(run, time, message, endsRun, null);
        }

        public String kind() {
            return lyzr(run) ? "flow_error" : "FlowError";
        }
    }

    /** The run's terminal event; output is null when the run has none. */
    record FlowFinished(RunRef run, Instant time, List<String> notRun, Payload output, String problem) implements RunEvent {
        public FlowFinished(RunRef run, Instant time, List<String> notRun, Payload output) {
            this(run, time, notRun, output, null);
        }

        public FlowFinished {
            notRun = notRun == null ? List.of() : List.copyOf(notRun);
        }

        public String kind() {
            return lyzr(run) ? "flow_completed" : "FlowFinish";
        }
    }

    record NodeStarted(RunRef run, Instant time, NodeRef node, Payload input, String problem) implements RunEvent {
        public NodeStarted(RunRef run, Instant time, NodeRef node, Payload input) {
            this(run, time, node, input, null);
        }

        public String kind() {
            return lyzr(run) ? "task_started" : "NodeStart";
        }
    }

    /** One output, partial or final. A Lyzr task_completed carries its output too (then finishes). */
    record NodeOutput(RunRef run, Instant time, NodeRef node, Payload output, String problem) implements RunEvent {
        public NodeOutput(RunRef run, Instant time, NodeRef node, Payload output) {
            this(run, time, node, output, null);
        }

        public String kind() {
            return "NodeOutput";
        }
    }

    /**
     * A node error. Lyzr's task_failed also ends the execution ({@code endsExecution}); Space
     * Operator's NodeError does not (NodeFinish follows).
     */
    record NodeError(RunRef run, Instant time, NodeRef node, String message, boolean endsExecution,
                     JsonNode detail, String problem) implements RunEvent {
        public NodeError(RunRef run, Instant time, NodeRef node, String message, boolean endsExecution, JsonNode detail) {
            this(run, time, node, message, endsExecution, detail, null);
        }

        public String kind() {
            return lyzr(run) ? "task_failed" : "NodeError";
        }
    }

    record NodeLog(RunRef run, Instant time, NodeRef node, String level, String module, String content, String problem) implements RunEvent {
        public NodeLog(RunRef run, Instant time, NodeRef node, String level, String module, String content) {
            this(run, time, node, level, module, content, null);
        }

        public String kind() {
            return "NodeLog";
        }
    }

    /** An execution ended (Space Operator NodeFinish, Lyzr task_completed with its output). */
    record NodeFinished(RunRef run, Instant time, NodeRef node, Payload output, Double executionSeconds, String problem) implements RunEvent {
        public NodeFinished(RunRef run, Instant time, NodeRef node, Payload output, Double executionSeconds) {
            this(run, time, node, output, executionSeconds, null);
        }

        public String kind() {
            return lyzr(run) ? "task_completed" : "NodeFinish";
        }
    }

    /** A node waits for a wallet signature. */
    record SignatureRequest(RunRef run, Instant time, long id, String pubkey, String message,
                            Double timeoutSeconds, String signatureKind, JsonNode data, String problem) implements RunEvent {
        public String kind() {
            return "SignatureRequest";
        }
    }

    /** A node waits for an external value posted to {@code url}. */
    record ApiInput(RunRef run, Instant time, String url, String problem) implements RunEvent {
        public String kind() {
            return "ApiInput";
        }
    }

    /** A kind this version does not know: kept, counted and shown, never fatal. */
    record UnknownEvent(RunRef run, Instant time, String kind, JsonNode data, String problem) implements RunEvent {
    }
}
