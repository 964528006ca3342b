package dev.runlens.history;

import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What makes two runs "the same flow" for a baseline: Lyzr's {@code flow_name}; for Space
 * Operator, whose events do not name the flow, the set of node ids the run touched.
 */
public record FlowKey(Source source, String key) {
    public FlowKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Lyzr: the {@code flow_name} (the part of the run id before the first {@code /}); Space
     * Operator: the set of node ids the run touched so far, so a live run finds its flow's
     * baselines only once it has touched every node the flow's past runs did.
     */
    public static FlowKey of(Run run) {
        RunRef ref = run.ref();
        if (ref.source() == Source.LYZR) {
            int slash = ref.runId().indexOf('/');
            return lyzr(slash < 0 ? ref.runId() : ref.runId().substring(0, slash));
        }
        return spaceOperator(run.nodes());
    }

    public static FlowKey lyzr(String flowName) {
        return new FlowKey(Source.LYZR, flowName);
    }

    /** The sorted, de-duplicated node ids joined by commas, so the order they ran in does not matter. */
    public static FlowKey spaceOperator(Collection<String> nodeIds) {
        return new FlowKey(Source.SPACE_OPERATOR, String.join(",", new TreeSet<>(nodeIds)));
    }
}
