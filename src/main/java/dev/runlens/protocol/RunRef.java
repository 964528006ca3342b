package dev.runlens.protocol;

import java.util.Objects;

/** Identifies a run: a Space Operator flow_run_id, or Lyzr's "flow_name/run_name". */
public record RunRef(Source source, String runId) {
    public RunRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(runId, "runId");
    }

    public static RunRef lyzr(String flowName, String runName) {
        return new RunRef(Source.LYZR, flowName + "/" + runName);
    }

    @Override
    public String toString() {
        return source.id() + ":" + runId;
    }
}
