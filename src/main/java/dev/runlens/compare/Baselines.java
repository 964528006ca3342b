package dev.runlens.compare;

import dev.runlens.history.FlowKey;
import dev.runlens.history.PastRun;
import dev.runlens.history.RunHistory;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.util.List;
import java.util.Optional;

/** Which flow a run belongs to, and which past run is its default baseline. */
public final class Baselines {
    /** Enough candidates to skip the run itself when it is already in the history. */
    private static final int CANDIDATES = 5;

    private Baselines() {
    }

    /**
     * Lyzr: the {@code flow_name} (the part of the run id before the first {@code /}); Space
     * Operator: the set of node ids the run touched so far, so a live run finds its flow's
     * baselines only once it has touched every node the flow's past runs did.
     */
    public static FlowKey flowOf(Run run) {
        RunRef ref = run.ref();
        if (ref.source() == Source.LYZR) {
            int slash = ref.runId().indexOf('/');
            return FlowKey.lyzr(slash < 0 ? ref.runId() : ref.runId().substring(0, slash));
        }
        return FlowKey.spaceOperator(run.nodes());
    }

    /** The most recent succeeded run of the same flow other than the run itself. */
    public static Optional<PastRun> defaultFor(RunHistory history, Run run) {
        return defaultFor(history, flowOf(run), run.ref());
    }

    /** As above for a run known by its flow and id (a live run's state stays on the FX thread). */
    public static Optional<PastRun> defaultFor(RunHistory history, FlowKey flow, RunRef self) {
        List<PastRun> candidates = history.succeededRuns(flow, CANDIDATES);
        return candidates.stream().filter(p -> !p.run().equals(self)).findFirst();
    }

    /**
     * The run of a recording picked as a baseline for {@code self}: a succeeded run of the same flow
     * first, else the first finished run, else the first; never {@code self} when there is another.
     */
    public static Optional<Run> pickIn(List<Run> runs, FlowKey flow, RunRef self) {
        List<Run> others = runs.stream().filter(r -> !r.ref().equals(self)).toList();
        List<Run> pool = others.isEmpty() ? runs : others;
        return pool.stream().filter(r -> r.status() == dev.runlens.model.RunStatus.SUCCEEDED && flowOf(r).equals(flow)).findFirst()
                .or(() -> pool.stream().filter(Run::terminal).findFirst())
                .or(() -> pool.stream().findFirst());
    }
}
