package dev.runlens.history;

import java.util.List;

/**
 * What the history says of the flows whose node set contains a live Space Operator run's nodes so
 * far: how many such flows there are (0, 1, or 2 for "more than one") and, when exactly one, its
 * succeeded runs, newest first.
 */
public record FlowCandidates(int flows, List<PastRun> runs) {
    public static final FlowCandidates NONE = new FlowCandidates(0, List.of());
    /** More than one flow contains the nodes: no baseline can be chosen yet. */
    public static final FlowCandidates AMBIGUOUS = new FlowCandidates(2, List.of());

    public FlowCandidates {
        runs = List.copyOf(runs);
    }

    public boolean ambiguous() {
        return flows > 1;
    }
}
