package dev.runlens.ui.fx;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the dashboard keeps about one run beyond its model state: its feed and its event log. */
public final class RunTrack {
    private final Run run;
    private final Feed feed;
    private final List<EventRow> rows = new ArrayList<>();
    private final Map<Execution, List<EventRow>> rowsByExecution = new HashMap<>();
    Instant lastReceivedAt;

    RunTrack(Run run, Feed feed) {
        this.run = run;
        this.feed = feed;
    }

    void add(EventRow row) {
        rows.add(row);
        if (row.execution() != null) {
            rowsByExecution.computeIfAbsent(row.execution(), e -> new ArrayList<>(4)).add(row);
        }
    }

    public Run run() {
        return run;
    }

    public Feed feed() {
        return feed;
    }

    /** Every event row of the run, in arrival order. */
    public List<EventRow> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The rows of one execution, in arrival order. */
    public List<EventRow> rows(Execution execution) {
        List<EventRow> r = rowsByExecution.get(execution);
        return r == null ? List.of() : Collections.unmodifiableList(r);
    }

    public Instant lastReceivedAt() {
        return lastReceivedAt;
    }
}
