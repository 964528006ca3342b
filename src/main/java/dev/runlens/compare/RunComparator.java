package dev.runlens.compare;

import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.protocol.Payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches the executions of a run and its baseline by node and iteration (decision 0052) and says
 * what differs. Linear in the executions, and payloads with the same text cost no tree, so a live
 * view can redo it once per batch.
 */
public final class RunComparator {
    private RunComparator() {
    }

    public static Comparison compare(LoadedRun a, LoadedRun b) {
        List<ExecutionComparison> rows = new ArrayList<>(a.run().executions().size() + 8);
        boolean aGoing = !a.run().terminal();
        int first = -1;
        for (Execution ea : a.run().executions()) {
            NodeIteration key = NodeIteration.of(ea);
            Execution eb = b.run().execution(key.node(), key.times());
            ExecutionComparison row = row(key, ea, eb, a, b, aGoing);
            if (first < 0 && row.output().differs()) {
                first = rows.size();
            }
            rows.add(row);
        }
        for (Execution eb : b.run().executions()) {
            if (a.run().execution(eb.node(), eb.times()) == null) {
                NodeIteration key = NodeIteration.of(eb);
                ExecutionComparison row = row(key, null, eb, a, b, aGoing);
                if (first < 0 && row.output().differs()) {
                    first = rows.size();
                }
                rows.add(row);
            }
        }
        return new Comparison(a, b, List.copyOf(rows), first);
    }

    private static ExecutionComparison row(NodeIteration key, Execution ea, Execution eb, LoadedRun a, LoadedRun b, boolean aGoing) {
        boolean inputPending = ea == null && aGoing;
        boolean outputPending = aGoing && (ea == null || ea.status() == ExecutionStatus.RUNNING);
        Sameness input = sameness(a.payloads().input(key), b.payloads().input(key), inputPending);
        Sameness output = sameness(a.payloads().output(key), b.payloads().output(key), outputPending);
        return new ExecutionComparison(key, ea, eb, input, output);
    }

    private static Sameness sameness(Payload x, Payload y, boolean pending) {
        if (x == null && y == null) {
            return pending ? Sameness.PENDING : Sameness.NONE;
        }
        if (x == null || y == null) {
            // A running execution may still send the output the baseline has.
            return pending && x == null ? Sameness.PENDING : Sameness.MISSING;
        }
        if (StructuralDiff.equal(x, y)) {
            return Sameness.EQUAL;
        }
        return pending ? Sameness.PENDING : Sameness.DIFFERENT;
    }
}
