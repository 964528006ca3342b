package dev.runlens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One (node, times) execution: compact state only; payloads stay in the log. */
public final class Execution {
    private final String node;
    private final int times;
    private final int index;
    ExecutionStatus status = ExecutionStatus.RUNNING;
    Instant startedAt;
    Instant finishedAt;
    boolean finished;
    int outputs;
    /** The server's own measure of the execution (Lyzr execution_time), in seconds; NaN when not given. */
    double reportedSeconds = Double.NaN;
    List<String> errors = List.of();

    Execution(String node, int times, int index) {
        this.node = node;
        this.times = times;
        this.index = index;
    }

    Execution copy() {
        Execution c = new Execution(node, times, index);
        c.status = status;
        c.startedAt = startedAt;
        c.finishedAt = finishedAt;
        c.finished = finished;
        c.outputs = outputs;
        c.reportedSeconds = reportedSeconds;
        c.errors = errors.isEmpty() ? List.of() : new ArrayList<>(errors);
        return c;
    }

    void addError(String message) {
        if (errors.isEmpty()) {
            errors = new ArrayList<>(2);
        }
        errors.add(message);
    }

    public String node() {
        return node;
    }

    public int times() {
        return times;
    }

    /** Position in the run's execution list (creation order). */
    public int index() {
        return index;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** True once a finish event (NodeFinish, task_completed, task_failed) was applied. */
    public boolean finished() {
        return finished;
    }

    /** The duration the server measured (Lyzr execution_time), or null when it gave none. */
    public Duration reportedDuration() {
        return Double.isNaN(reportedSeconds) ? null : Duration.ofNanos(Math.round(reportedSeconds * 1e9));
    }

    /**
     * The duration to show: the server's measure when given, else finish minus start (which may be
     * negative, since server times are not monotonic), or null when either is unknown.
     */
    public Duration duration() {
        Duration reported = reportedDuration();
        if (reported != null) {
            return reported;
        }
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    public int outputs() {
        return outputs;
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public int errorCount() {
        return errors.size();
    }

    @Override
    public String toString() {
        return node + "#" + times + " " + status.id();
    }
}
