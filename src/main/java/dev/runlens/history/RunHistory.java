package dev.runlens.history;

import dev.runlens.protocol.RunRef;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the history index knows of past runs. The comparison view picks its baseline here and the
 * timeline draws each node's usual duration from it.
 */
public interface RunHistory {
    /** Succeeded runs of the flow, newest first, at most {@code limit}. */
    List<PastRun> succeededRuns(FlowKey flow, int limit);

    /** Per node id (Lyzr: task name): its usual duration over the last {@code runs} succeeded runs. */
    Map<String, UsualDuration> usualDurations(FlowKey flow, int runs);

    /**
     * Space Operator: the flows whose node set contains every id in {@code nodes} (a live run's nodes
     * so far), leaving out the run {@code except}; with the newest {@code limit} succeeded runs of
     * the flow when exactly one does. A history that cannot tell answers {@link FlowCandidates#NONE}.
     */
    default FlowCandidates succeededRunsContaining(Set<String> nodes, RunRef except, int limit) {
        return FlowCandidates.NONE;
    }

    /** Asks {@code current} at each call: the index opens in the background, after the window asks. */
    static RunHistory deferred(Supplier<RunHistory> current) {
        return new RunHistory() {
            @Override
            public List<PastRun> succeededRuns(FlowKey flow, int limit) {
                return current.get().succeededRuns(flow, limit);
            }

            @Override
            public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
                return current.get().usualDurations(flow, runs);
            }

            @Override
            public FlowCandidates succeededRunsContaining(Set<String> nodes, RunRef except, int limit) {
                return current.get().succeededRunsContaining(nodes, except, limit);
            }
        };
    }

    /** No history: no baseline, no usual durations. */
    RunHistory NONE = new RunHistory() {
        @Override
        public List<PastRun> succeededRuns(FlowKey flow, int limit) {
            return List.of();
        }

        @Override
        public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
            return Map.of();
        }
    };
}
