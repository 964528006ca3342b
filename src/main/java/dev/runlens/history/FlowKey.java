package dev.runlens.history;

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

    public static FlowKey lyzr(String flowName) {
        return new FlowKey(Source.LYZR, flowName);
    }

    /** The sorted, de-duplicated node ids joined by commas, so the order they ran in does not matter. */
    public static FlowKey spaceOperator(Collection<String> nodeIds) {
        return new FlowKey(Source.SPACE_OPERATOR, String.join(",", new TreeSet<>(nodeIds)));
    }
}
