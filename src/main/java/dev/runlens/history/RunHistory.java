package dev.runlens.history;

import java.util.List;
import java.util.Map;

/**
 * What the history index knows of past runs. The comparison view picks its baseline here and the
 * timeline draws each node's usual duration from it.
 */
public interface RunHistory {
    /** Succeeded runs of the flow, newest first, at most {@code limit}. */
    List<PastRun> succeededRuns(FlowKey flow, int limit);

    /** Per node id (Lyzr: task name): its usual duration over the last {@code runs} succeeded runs. */
    Map<String, UsualDuration> usualDurations(FlowKey flow, int runs);

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
