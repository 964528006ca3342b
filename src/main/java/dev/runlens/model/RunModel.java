package dev.runlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns run events into run state, applying the rules in stream order. Pure Java and
 * single-threaded: the owner decides which thread applies events.
 */
public final class RunModel {
    /** A reported execution time above a year is not a measure (and would overflow a Duration's nanos). */
    private static final double MAX_REPORTED_SECONDS = 365 * 86_400.0;

    private final Map<RunRef, Run> runs = new LinkedHashMap<>();
    private final List<Run> order = new ArrayList<>();
    private long applied;

    /**
     * What one event changed: its run, the execution it touched (or null), and whether it ended the
     * run (it was not terminal before): the caller needs no second look-up of the run to know.
     */
    public record Change(Run run, Execution execution, boolean ended) {
        public Change(Run run, Execution execution) {
            this(run, execution, false);
        }
    }

    public Change apply(RunEvent event) {
        Run run = runOf(event.run());
        boolean wasTerminal = run.terminal;
        Execution touched = applyTo(run, event);
        return new Change(run, touched, !wasTerminal && run.terminal);
    }

    /**
     * As {@link #apply}, for a caller that needs nothing back: a replay seek re-applies up to a
     * snapshot interval of entries, and a {@code Change} per entry was a fifth of its garbage.
     */
    public void applyOnly(RunEvent event) {
        applyTo(runOf(event.run()), event);
    }

    /** Applies {@code event} to its run {@code run}; returns the execution it touched, or null. */
    private Execution applyTo(Run run, RunEvent event) {
        applied++;
        run.events++;
        if (run.terminal) {
            return null;
        }
        Instant time = event.time();
        if (time != null && (run.lastEventTime == null || time.isAfter(run.lastEventTime))) {
            run.lastEventTime = time;
        }
        // A switch over the sealed family: a new kind of event does not compile until it is handled here.
        return switch (event) {
            case RunEvent.NodeStarted e -> start(run, e.node(), time);
            case RunEvent.NodeLog e -> find(run, e.node());
            case RunEvent.NodeOutput e -> {
                Execution touched = find(run, e.node());
                touched.outputs++;
                yield touched;
            }
            case RunEvent.NodeFinished e -> {
                Execution touched = find(run, e.node());
                if (e.output() != null) {
                    touched.outputs++;
                }
                Double seconds = e.executionSeconds();
                // The server's measure is the duration shown; nonsense (negative, infinite) is ignored.
                if (seconds != null && !touched.finished && seconds >= 0 && seconds <= MAX_REPORTED_SECONDS) {
                    touched.reportedSeconds = seconds;
                }
                finishExecution(run, touched, time);
                yield touched;
            }
            case RunEvent.NodeError e -> {
                Execution touched = find(run, e.node());
                nodeError(run, touched, e, time);
                yield touched;
            }
            case RunEvent.FlowStarted _ -> {
                if (run.startedAt == null) {
                    run.startedAt = time;
                }
                yield null;
            }
            case RunEvent.FlowError e -> {
                run.flowErrors++;
                run.errors.add(new RunError(null, null, e.message(), time));
                if (e.endsRun()) {
                    finishRun(run, time, RunStatus.FAILED);
                }
                yield null;
            }
            case RunEvent.FlowFinished e -> {
                run.notRun = e.notRun();
                run.output = e.output() == null ? null : e.output().plain();
                finishRun(run, time, run.flowErrors > 0 || run.failedExecutions > 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED);
                yield null;
            }
            // Shown in the event log, but they change no state.
            case RunEvent.FlowLog _, RunEvent.SignatureRequest _, RunEvent.ApiInput _, RunEvent.UnknownEvent _ -> null;
        };
    }

    private static void nodeError(Run run, Execution touched, RunEvent.NodeError e, Instant time) {
        if (touched.status != ExecutionStatus.FAILED) {
            touched.status = ExecutionStatus.FAILED;
            run.failedExecutions++;
        }
        touched.addError(e.message());
        run.errors.add(new RunError(touched.node(), touched.times(), e.message(), time));
        if (e.endsExecution()) {
            finishExecution(run, touched, time);
        }
    }

    /** Records a stretch in which events of the run may have been missed. */
    public Change markGap(RunRef ref, Gap gap) {
        Run run = runOf(ref);
        run.gaps.add(gap);
        return new Change(run, null);
    }

    /**
     * The server said (Lyzr task-status, after a gap) that task {@code taskName} completed: its
     * latest execution is marked succeeded (also after the run ended, when a lost
     * task_completed left it interrupted), or one is created when no event of it was received. An
     * execution that failed stays failed: an event the client saw is more precise than a list.
     */
    public Change reconcile(RunRef ref, String taskName, Instant at) {
        Run run = runOf(ref);
        Execution exec = run.latestByName.get(taskName);
        if (exec == null) {
            exec = lookupOrCreate(run, taskName, run.startsByName.getOrDefault(taskName, 0));
            run.latestByName.put(taskName, exec);
        }
        if (exec.status != ExecutionStatus.FAILED) {
            exec.status = ExecutionStatus.SUCCEEDED;
            if (exec.outputs == 0) {
                exec.outputs = 1;
            }
            if (!exec.finished) {
                exec.finished = true;
                exec.setFinish(at);
                run.finishedExecutions++;
            }
        }
        if (!run.reconciled.contains(taskName)) {
            run.reconciled.add(taskName);
        }
        return new Change(run, exec);
    }

    /**
     * The server said the run ended ({@code failed}: task-status "failed" or "error") though no
     * terminal event was received: it ends as flow_completed or flow_error would have ended it.
     * {@code output} (task-status results, keyed by task name) becomes the run's output. No effect
     * on a run that already ended.
     */
    public Change reconcileEnd(RunRef ref, boolean failed, JsonNode output, Instant at) {
        Run run = runOf(ref);
        if (!run.terminal) {
            if (run.output == null && output != null && !failed) {
                run.output = output;
            }
            finishRun(run, at, failed || run.flowErrors > 0 || run.failedExecutions > 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED);
        }
        return new Change(run, null);
    }

    /**
     * The run's output as fetched over HTTP (Space Operator {@code /flow/output}, for a run the
     * socket no longer streamed). An output the run's own events gave is kept: it is what was received.
     */
    public Change finalOutput(RunRef ref, JsonNode output) {
        Run run = runOf(ref);
        if (run.output == null) {
            run.output = output;
        }
        return new Change(run, null);
    }

    private Run runOf(RunRef ref) {
        Run run = runs.get(ref);
        return run != null && !run.shared ? run : newOrOwnRun(ref, run);
    }

    /** The rare part of runOf(), apart so the JIT keeps it out of apply(). */
    private Run newOrOwnRun(RunRef ref, Run run) {
        if (run == null) {
            run = new Run(ref);
            run.position = order.size();
            runs.put(ref, run);
            order.add(run);
        } else if (run.shared) {
            // Shared with a replay snapshot (see ModelImage): copy before the first change.
            Run own = run.copy();
            runs.put(ref, own);
            order.set(own.position, own);
            run = own;
        }
        return run;
    }

    private Execution start(Run run, NodeRef node, Instant time) {
        Execution exec;
        if (run.ref().source() == Source.LYZR) {
            int times = run.startsByName.getOrDefault(node.node(), 0);
            run.startsByName.put(node.node(), times + 1);
            exec = lookupOrCreate(run, node.node(), times);
            if (node.taskId() != null) {
                run.byTaskId.put(node.taskId(), exec);
            }
            run.latestByName.put(node.node(), exec);
        } else {
            exec = lookupOrCreate(run, node.node(), node.times());
        }
        if (!exec.hasStart()) {
            exec.setStart(time);
        }
        return exec;
    }

    /** The execution an event belongs to; an event of an execution that never started creates it. */
    private Execution find(Run run, NodeRef node) {
        if (run.ref().source() != Source.LYZR) {
            return lookupOrCreate(run, node.node(), node.times());
        }
        Execution exec = node.taskId() == null ? null : run.byTaskId.get(node.taskId());
        if (exec == null) {
            exec = run.latestByName.get(node.node());
        }
        if (exec == null) {
            exec = lookupOrCreate(run, node.node(), run.startsByName.getOrDefault(node.node(), 0));
            run.latestByName.put(node.node(), exec);
            if (node.taskId() != null) {
                run.byTaskId.put(node.taskId(), exec);
            }
        }
        return exec;
    }

    private Execution lookupOrCreate(Run run, String node, int times) {
        Execution exec = run.byKey.get(node, times);
        return exec != null ? exec : create(run, node, times);
    }

    private static Execution create(Run run, String node, int times) {
        Execution exec = new Execution(node, times, run.executions.size());
        run.byKey.put(exec);
        run.executions.add(exec);
        run.nodes.add(node);
        return exec;
    }

    private static void finishExecution(Run run, Execution exec, Instant time) {
        if (exec.finished) {
            return;
        }
        exec.finished = true;
        exec.setFinish(time);
        run.finishedExecutions++;
        if (exec.status == ExecutionStatus.RUNNING) {
            exec.status = ExecutionStatus.SUCCEEDED;
        }
    }

    private static void finishRun(Run run, Instant time, RunStatus status) {
        run.terminal = true;
        run.finishedAt = time;
        run.status = status;
        for (Execution e : run.executions) {
            if (e.status == ExecutionStatus.RUNNING) {
                e.status = ExecutionStatus.INTERRUPTED;
            }
        }
    }

    public List<Run> runs() {
        return Collections.unmodifiableList(order);
    }

    public Run run(RunRef ref) {
        return runs.get(ref);
    }

    /** Run events applied so far. */
    public long applied() {
        return applied;
    }

    /**
     * Replaces the runs in {@code remove} by the runs of {@code from} (replay seeking: one file's
     * runs as they were at another position). A replaced run keeps its place in the order, new ones
     * go last, and {@link #applied()} follows the events of the runs taken out and put in. The runs
     * of {@code from} are taken as they are: hand over a model nobody else changes (a {@link #copy()}).
     */
    public void replace(java.util.Collection<RunRef> remove, RunModel from) {
        for (RunRef ref : remove) {
            Run old = runs.get(ref);
            if (old != null && from.runs.get(ref) == null) {
                runs.remove(ref);
                order.remove(old);
                applied -= old.events;
            }
        }
        for (Run r : from.order) {
            Run old = runs.put(r.ref(), r);
            if (old == null) {
                order.add(r);
            } else {
                order.set(order.indexOf(old), r);
                applied -= old.events;
            }
            applied += r.events;
        }
    }

    /** A model of {@code runs} (in order, positions as they are) after {@code applied} events (see {@link ModelImage}). */
    static RunModel of(List<Run> runs, long applied) {
        RunModel m = new RunModel();
        for (Run r : runs) {
            m.runs.put(r.ref(), r);
            m.order.add(r);
        }
        m.applied = applied;
        return m;
    }

    /** A deep copy, for replay snapshots. */
    public RunModel copy() {
        RunModel c = new RunModel();
        for (Run r : order) {
            Run rc = r.copy();
            c.runs.put(rc.ref(), rc);
            c.order.add(rc);
        }
        c.applied = applied;
        return c;
    }
}
