package dev.runlens.replay;

import dev.runlens.protocol.Source;

/** The kind names run events give themselves ({@code RunEvent.kind()}), from an entry's kind and protocol. */
final class EntryNames {
    private EntryNames() {
    }

    /** Not for {@link EntryKind#UNKNOWN_EVENT}, whose name is the frame's own. */
    static String kind(EntryKind kind, Source source) {
        boolean lyzr = source == Source.LYZR;
        switch (kind) {
            case FLOW_STARTED:
                return lyzr ? "flow_started" : "FlowStart";
            case FLOW_LOG:
                return "FlowLog";
            case FLOW_ERROR:
                return lyzr ? "flow_error" : "FlowError";
            case FLOW_FINISHED:
                return lyzr ? "flow_completed" : "FlowFinish";
            case NODE_STARTED:
                return lyzr ? "task_started" : "NodeStart";
            case NODE_OUTPUT:
                return "NodeOutput";
            case NODE_ERROR:
                return lyzr ? "task_failed" : "NodeError";
            case NODE_LOG:
                return "NodeLog";
            case NODE_FINISHED:
                return lyzr ? "task_completed" : "NodeFinish";
            case SIGNATURE_REQUEST:
                return "SignatureRequest";
            case API_INPUT:
                return "ApiInput";
            default:
                throw new IllegalArgumentException(kind + " is not a run event with a fixed name");
        }
    }
}
