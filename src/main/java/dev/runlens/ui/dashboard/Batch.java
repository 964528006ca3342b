package dev.runlens.ui.dashboard;

import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.rows.EventRow;

import java.util.List;
import java.util.Map;

/**
 * What one drained batch changed: fired once per pulse to the view models.
 * {@code newRows} holds each run's new event rows in arrival order.
 */
public record Batch(List<Run> changedRuns, Map<RunRef, List<EventRow>> newRows,
                    List<ErrorEntry> newErrors, List<Run> endedRuns, boolean feedsChanged, int frames, int runEvents) {

    /** What an empty batch changed: nothing. */
    public static final Batch EMPTY = new Batch(List.of(), Map.of(), List.of(), List.of(), false, 0, 0);

    public boolean isEmpty() {
        return frames == 0 && newErrors.isEmpty() && !feedsChanged && changedRuns.isEmpty();
    }

    public List<EventRow> newRows(RunRef run) {
        List<EventRow> rows = newRows.get(run);
        return rows == null ? List.of() : rows;
    }
}
