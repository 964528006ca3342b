package dev.runlens.ui.compare;

import dev.runlens.compare.Overdue;
import dev.runlens.history.FlowKey;
import dev.runlens.history.RunHistory;
import dev.runlens.history.UsualDuration;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.TrackedRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Which live runs have an execution running past its usual time. Evaluated on the FX thread at
 * most once a second (from the pump's pulse), never per event; each flow's usual durations are
 * asked of the history once, off the FX thread (decision 0053).
 */
public final class OverdueWatch {
    /** How many succeeded runs of a flow make its usual durations. */
    public static final int RUNS = 20;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final DashboardModel model;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Map<FlowKey, Map<String, UsualDuration>> usual = new HashMap<>();
    /**
     * Each run's flow key as of its node count: a run's node set only grows, so the key (its sorted
     * node ids joined) is made again only when a node was added, not for every live run every second.
     */
    private final Map<Run, KnownFlow> flows = new java.util.WeakHashMap<>();
    private final Set<FlowKey> loading = new HashSet<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final List<Consumer<Instant>> evaluations = new ArrayList<>();
    private RunHistory history = RunHistory.NONE;
    private Set<RunRef> overdueRuns = Set.of();
    private long last = Long.MIN_VALUE;

    public OverdueWatch(DashboardModel model, Executor background, Consumer<Runnable> fx) {
        this.model = model;
        this.background = background;
        this.fx = fx;
    }

    /** Takes usual durations from {@code history} from now on. */
    public void setHistory(RunHistory history) {
        this.history = history;
        usual.clear();
        changed();
    }

    /** Called every pulse with its time in nanos; evaluates once a second. */
    public void tick(long nanos) {
        if (last != Long.MIN_VALUE && nanos - last < EVERY_NANOS) {
            return;
        }
        last = nanos;
        evaluate(Instant.now());
    }

    /** Re-evaluates the live runs at {@code now}. */
    public void evaluate(Instant now) {
        Set<RunRef> found = new HashSet<>();
        for (Run run : model.runs()) {
            TrackedRun t = model.track(run.ref());
            if (run.terminal() || t == null || !t.feed().live()) {
                continue;
            }
            Map<String, UsualDuration> u = usualFor(run);
            if (!u.isEmpty() && anyOverdue(run, u, now)) {
                found.add(run.ref());
            }
        }
        if (!found.equals(overdueRuns)) {
            overdueRuns = Set.copyOf(found);
            changed();
        }
        evaluations.forEach(l -> l.accept(now));
    }

    private static boolean anyOverdue(Run run, Map<String, UsualDuration> u, Instant now) {
        return run.executions().stream().anyMatch(e -> !e.finished() && Overdue.of(e, u.get(e.node()), now) != null);
    }

    /** The usual durations of the run's flow, by node; empty until the history answered (then listeners are told). */
    public Map<String, UsualDuration> usualFor(Run run) {
        FlowKey flow = flowOf(run);
        Map<String, UsualDuration> known = usual.get(flow);
        if (known == null) {
            request(flow);
            return Map.of();
        }
        return known;
    }

    private FlowKey flowOf(Run run) {
        KnownFlow known = flows.get(run);
        int nodes = run.nodeCount();
        if (known == null || known.nodes() != nodes) {
            known = new KnownFlow(nodes, FlowKey.of(run));
            flows.put(run, known);
        }
        return known.flow();
    }

    private record KnownFlow(int nodes, FlowKey flow) {
    }

    private void request(FlowKey flow) {
        if (!loading.add(flow)) {
            return;
        }
        RunHistory h = history;
        try {
            background.execute(() -> lookUp(h, flow));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            loading.remove(flow);  // the window is closing: nothing left to draw the answer on
        }
    }

    private void lookUp(RunHistory h, FlowKey flow) {
        Map<String, UsualDuration> answer;
        try {
            answer = Map.copyOf(h.usualDurations(flow, RUNS));
        } catch (RuntimeException e) {
            System.err.println("runlens: the usual durations of " + flow.key() + " could not be read: " + e.getMessage());
            answer = Map.of();
        }
        Map<String, UsualDuration> result = answer;
        fx.accept(() -> {
            loading.remove(flow);
            if (h == history) {
                usual.put(flow, result);
                if (!result.isEmpty()) {
                    changed();
                }
            }
        });
    }

    /** True when the run had an overdue execution at the last evaluation. */
    public boolean overdue(RunRef run) {
        return overdueRuns.contains(run);
    }

    /** Told when the overdue runs or the known usual durations change (FX thread). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Told at every evaluation (at most once a second) with its time: the inspector's running figure. */
    public void addEvaluationListener(Consumer<Instant> listener) {
        evaluations.add(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
