package dev.runlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.RunRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of one run, built by {@link RunModel} from its events. */
public final class Run {
    private final RunRef ref;
    RunStatus status = RunStatus.RUNNING;
    Instant startedAt;
    Instant finishedAt;
    boolean terminal;
    int events;
    int flowErrors;
    int failedExecutions;
    int finishedExecutions;
    Instant lastEventTime;
    final ArrayList<Execution> executions = new ArrayList<>();
    ExecutionIndex byKey = new ExecutionIndex();
    final Map<String, Execution> byTaskId = new HashMap<>();
    final Map<String, Execution> latestByName = new HashMap<>();
    final Map<String, Integer> startsByName = new HashMap<>();
    final Set<String> nodes = new LinkedHashSet<>();
    List<String> notRun = List.of();
    final List<RunError> errors = new ArrayList<>();
    final List<Gap> gaps = new ArrayList<>();
    /** Task names that a Lyzr task-status answer said were complete (see RunModel.reconcile). */
    final List<String> reconciled = new ArrayList<>();
    JsonNode output;
    /** Referenced by more than one model (see ModelImage): never modified again. */
    boolean shared;
    /** Index in the model's run order. */
    int position;

    Run(RunRef ref) {
        this.ref = ref;
    }

    Run copy() {
        Run c = shell();
        c.executions.ensureCapacity(executions.size());
        for (Execution e : executions) {
            c.executions.add(e.copy());
        }
        // An execution's index is its place in the list, so copies are found without a map.
        c.byKey = byKey.copyFor(c.executions);
        byTaskId.forEach((k, v) -> c.byTaskId.put(k, c.executions.get(v.index())));
        latestByName.forEach((k, v) -> c.latestByName.put(k, c.executions.get(v.index())));
        return c;
    }

    /** A copy without the executions and the maps that point at them. */
    Run shell() {
        Run c = new Run(ref);
        c.position = position;
        c.status = status;
        c.startedAt = startedAt;
        c.finishedAt = finishedAt;
        c.terminal = terminal;
        c.events = events;
        c.flowErrors = flowErrors;
        c.failedExecutions = failedExecutions;
        c.finishedExecutions = finishedExecutions;
        c.lastEventTime = lastEventTime;
        c.startsByName.putAll(startsByName);
        c.nodes.addAll(nodes);
        c.notRun = notRun;
        c.errors.addAll(errors);
        c.gaps.addAll(gaps);
        c.reconciled.addAll(reconciled);
        c.output = output;
        return c;
    }

    public RunRef ref() {
        return ref;
    }

    public RunStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** True once the terminal event (FlowFinish, flow_completed, flow_error) was applied. */
    public boolean terminal() {
        return terminal;
    }

    /** Event frames of this run, including those after the terminal event. */
    public int events() {
        return events;
    }

    /** Executions in creation order. */
    public List<Execution> executions() {
        return Collections.unmodifiableList(executions);
    }

    public Execution execution(String node, int times) {
        return byKey.get(node, times);
    }

    /** Distinct node ids (Lyzr: task names) in the order first seen. */
    public List<String> nodes() {
        return List.copyOf(nodes);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public List<String> notRun() {
        return notRun;
    }

    public List<RunError> errors() {
        return Collections.unmodifiableList(errors);
    }

    public List<Gap> gaps() {
        return Collections.unmodifiableList(gaps);
    }

    /**
     * Task names whose completion came from the server's task-status answer rather than from an
     * event (Lyzr after a gap), in the order reconciled; each name once.
     */
    public List<String> reconciled() {
        return Collections.unmodifiableList(reconciled);
    }

    /** The run's output in plain JSON form, or null. */
    public JsonNode output() {
        return output;
    }

    public int finishedExecutions() {
        return finishedExecutions;
    }

    public int failedExecutions() {
        return failedExecutions;
    }

    /** The latest server time seen in this run's events (not necessarily the last event's). */
    public Instant lastEventTime() {
        return lastEventTime;
    }

    /** The first execution that failed, in creation order, or null. */
    public Execution firstFailedExecution() {
        return executions.stream().filter(e -> e.status == ExecutionStatus.FAILED).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return ref + " " + status.id() + " (" + executions.size() + " executions, " + events + " events)";
    }
}
