package dev.runlens.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One (node, times) execution: compact state only; payloads stay in the log. */
public final class Execution {
    static final int UNKNOWN = -1;

    private final String node;
    private final int times;
    private final int index;
    ExecutionStatus status = ExecutionStatus.RUNNING;
    /*
     * Start and finish as epoch second and nanosecond, not Instants: an execution lives as long as
     * its run, and at a replay's pace the young collections copied two Instants with each new one
     * (most of the objects they copied; decision 0088). A nanosecond of UNKNOWN means no time.
     */
    long startSecond;
    int startNano = UNKNOWN;
    long finishSecond;
    int finishNano = UNKNOWN;
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
        c.startSecond = startSecond;
        c.startNano = startNano;
        c.finishSecond = finishSecond;
        c.finishNano = finishNano;
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
        return startNano == UNKNOWN ? null : Instant.ofEpochSecond(startSecond, startNano);
    }

    public Instant finishedAt() {
        return finishNano == UNKNOWN ? null : Instant.ofEpochSecond(finishSecond, finishNano);
    }

    /** The start in epoch milliseconds, or NaN when unknown (the timeline's coordinate, without an Instant). */
    public double startedMillis() {
        return startNano == UNKNOWN ? Double.NaN : startSecond * 1000.0 + startNano / 1e6;
    }

    /** The finish in epoch milliseconds, or NaN when unknown. */
    public double finishedMillis() {
        return finishNano == UNKNOWN ? Double.NaN : finishSecond * 1000.0 + finishNano / 1e6;
    }

    boolean hasStart() {
        return startNano != UNKNOWN;
    }

    void setStart(Instant t) {
        startSecond = t == null ? 0 : t.getEpochSecond();
        startNano = t == null ? UNKNOWN : t.getNano();
    }

    void setFinish(Instant t) {
        finishSecond = t == null ? 0 : t.getEpochSecond();
        finishNano = t == null ? UNKNOWN : t.getNano();
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
        return startNano == UNKNOWN || finishNano == UNKNOWN ? null
                : Duration.ofSeconds(finishSecond - startSecond, (long) finishNano - startNano);
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
