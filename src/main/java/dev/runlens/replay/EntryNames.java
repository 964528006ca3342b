package dev.runlens.replay;

import dev.runlens.protocol.Source;

/** The kind names run events give themselves ({@code RunEvent.kind()}), from an entry's kind and protocol. */
final class EntryNames {
    private EntryNames() {
    }

    /** Not for {@link EntryKind#UNKNOWN_EVENT}, whose name is the frame's own. */
    static String kind(EntryKind kind, Source source) {
        boolean lyzr = source == Source.LYZR;
        return switch (kind) {
            case FLOW_STARTED -> lyzr ? "flow_started" : "FlowStart";
            case FLOW_LOG -> "FlowLog";
            case FLOW_ERROR -> lyzr ? "flow_error" : "FlowError";
            case FLOW_FINISHED -> lyzr ? "flow_completed" : "FlowFinish";
            case NODE_STARTED -> lyzr ? "task_started" : "NodeStart";
            case NODE_OUTPUT -> "NodeOutput";
            case NODE_ERROR -> lyzr ? "task_failed" : "NodeError";
            case NODE_LOG -> "NodeLog";
            case NODE_FINISHED -> lyzr ? "task_completed" : "NodeFinish";
            case SIGNATURE_REQUEST -> "SignatureRequest";
            case API_INPUT -> "ApiInput";
            default -> throw new IllegalArgumentException(kind + " is not a run event with a fixed name");
        };
    }
}
