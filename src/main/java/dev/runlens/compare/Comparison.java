package dev.runlens.compare;

import java.util.List;

/**
 * A run ({@code a}) beside its baseline ({@code b}): one row per node and iteration, the run's
 * executions first in the order they started, then those only the baseline has.
 */
public record Comparison(LoadedRun a, LoadedRun b, List<ExecutionComparison> rows, int firstDifferingOutput) {

    /** The first row whose output differs, or null. */
    public ExecutionComparison firstDifference() {
        return firstDifferingOutput < 0 ? null : rows.get(firstDifferingOutput);
    }

    /** The structural diff of the first differing output, baseline to run; empty when none differs. */
    public List<Difference> firstOutputDiff() {
        ExecutionComparison row = firstDifference();
        return row == null ? List.of() : outputDiff(row);
    }

    public List<Difference> outputDiff(ExecutionComparison row) {
        return StructuralDiff.of(b.payloads().output(row.key()), a.payloads().output(row.key()));
    }

    public List<Difference> inputDiff(ExecutionComparison row) {
        return StructuralDiff.of(b.payloads().input(row.key()), a.payloads().input(row.key()));
    }

    /** True when no execution differs in status, input or output, and both runs ended the same way. */
    public boolean same() {
        return a.run().status() == b.run().status() && rows.stream().noneMatch(ExecutionComparison::differs);
    }
}
