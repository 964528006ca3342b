package dev.runlens.history;

/** The names of the index's fields and the values of its {@code kind} field (decision 0051). */
final class IndexFields {
    /** "file" (one per recording: how far it was read), "run", or "exec". */
    static final String KIND = "kind";
    static final String FILE = "file";
    static final String RUN_KIND = "run";
    static final String EXEC = "exec";

    /** Unique per document: the recording path, then run, node and times; updateDocument's key. */
    static final String ID = "id";
    static final String RECORDING = "recording";
    static final String RUN = "run";
    /** Source ids: "lyzr", "space-operator", "space-operator-v1" (a v1 run also has "space-operator"). */
    static final String PROTOCOL = "protocol";
    /** "lyzr" or "space-operator": the family a FlowKey belongs to (v1 and v2 alike). */
    static final String FAMILY = "family";
    static final String FLOW = "flow";
    static final String NODE = "node";
    /** Run documents of Space Operator: each node id the run touched (a live run's baseline contains them all). */
    static final String FLOW_NODE = "flownode";
    static final String TIMES = "times";
    static final String STATUS = "status";
    /** Epoch millis; -1 when unknown. Points for ranges, doc values for sorting. */
    static final String STARTED = "started";
    static final String ENDED = "ended";
    static final String DURATION = "duration";
    /** The frame index of the execution's (or run's) first event in its recording: where to open it. */
    static final String ENTRY = "entry";
    static final String TEXT = "text";

    /** File documents: size, modification time (millis) and the byte offset read up to. */
    static final String SIZE = "size";
    static final String MTIME = "mtime";
    static final String OFFSET = "offset";
    static final String FORMAT = "format";

    private IndexFields() {
    }
}
