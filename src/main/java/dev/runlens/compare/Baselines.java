package dev.runlens.compare;

import dev.runlens.history.FlowCandidates;
import dev.runlens.history.FlowKey;
import dev.runlens.history.PastRun;
import dev.runlens.history.RunHistory;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which past run is a run's default baseline (its flow: {@link FlowKey#of}). */
public final class Baselines {
    /** Enough candidates to skip the run itself when it is already in the history. */
    private static final int CANDIDATES = 5;

    private Baselines() {
    }

    /** The most recent succeeded run of the flow other than the run itself (known by its id: a live run's state stays on the FX thread). */
    public static Optional<PastRun> defaultFor(RunHistory history, FlowKey flow, RunRef self) {
        List<PastRun> candidates = history.succeededRuns(flow, CANDIDATES);
        return candidates.stream().filter(p -> !p.run().equals(self)).findFirst();
    }

    /**
     * The default baseline of a run known by its flow, node ids and id. As above when a run of the
     * same flow succeeded before; else, for a live Space Operator run (its node set still grows),
     * the most recent succeeded run of the one flow whose node set contains every node seen so far:
     * a provisional baseline ({@link #provisional}), looked for again as new nodes appear. Several
     * such flows: none yet ({@link BaselineSearch#ambiguous()}).
     */
    public static BaselineSearch defaultFor(RunHistory history, FlowKey flow, Set<String> nodes, boolean live, RunRef self) {
        Optional<PastRun> same = defaultFor(history, flow, self);
        if (same.isPresent() || flow.source() == Source.LYZR || !live || nodes.isEmpty()) {
            return new BaselineSearch(same, false);
        }
        FlowCandidates wider = history.succeededRunsContaining(nodes, self, 1);
        return wider.ambiguous() ? new BaselineSearch(Optional.empty(), true)
                : new BaselineSearch(wider.runs().stream().findFirst(), false);
    }

    /**
     * True while a Space Operator run has touched fewer nodes than its baseline's flow: the
     * baseline was chosen from the nodes seen so far and may change as the run goes on.
     */
    public static boolean provisional(Run baseline, Run run) {
        return run.ref().source() != Source.LYZR && !FlowKey.of(baseline).equals(FlowKey.of(run));
    }

    /**
     * The run of a recording picked as a baseline for {@code self}: a succeeded run of the same flow
     * first, else the first finished run, else the first; never {@code self} when there is another.
     */
    public static Optional<Run> pickIn(List<Run> runs, FlowKey flow, RunRef self) {
        List<Run> others = runs.stream().filter(r -> !r.ref().equals(self)).toList();
        List<Run> pool = others.isEmpty() ? runs : others;
        return pool.stream().filter(r -> r.status() == dev.runlens.model.RunStatus.SUCCEEDED && FlowKey.of(r).equals(flow)).findFirst()
                .or(() -> pool.stream().filter(Run::terminal).findFirst())
                .or(() -> pool.stream().findFirst());
    }
}
