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

    // Written out (the same values a record's generated methods give): those go through method
    // handles, which the JIT inlines at length into every map lookup of the model's hot path.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RunRef r && source == r.source && runId.equals(r.runId);
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + runId.hashCode();
    }

    @Override
    public String toString() {
        return source.id() + ":" + runId;
    }
}
