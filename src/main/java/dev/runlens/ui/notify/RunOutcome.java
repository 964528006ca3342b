package dev.runlens.ui.notify;

import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;

/**
 * How one live run ended, as the notices tell it: which run, whether it failed, a short name and
 * one line of detail (its first error, or how many executions it ran).
 */
public record RunOutcome(RunRef ref, boolean failed, String name, String detail) {

    /** The outcome of a run that just reached its terminal event. */
    public static RunOutcome of(Run run) {
        boolean failed = run.status() == RunStatus.FAILED;
        String detail = failed
                ? run.errors().isEmpty() ? "see the error panel" : run.errors().get(0).message()
                : run.executions().size() + (run.executions().size() == 1 ? " execution" : " executions");
        return new RunOutcome(run.ref(), failed, shortName(run.ref()), detail);
    }

    /** "run 0b3c1f2e…" for the long Space Operator ids; Lyzr "Flow name · run-2c16…" (the flow tells most). */
    static String shortName(RunRef ref) {
        String id = ref.runId();
        if (ref.source().isSpaceOperator()) {
            return "run " + (id.length() > 13 ? id.substring(0, 8) + "…" : id);
        }
        int slash = id.lastIndexOf('/');
        if (slash < 0) {
            return "run " + id;
        }
        String run = id.substring(slash + 1);
        return id.substring(0, slash) + " · " + (run.length() > 12 ? run.substring(0, 8) + "…" : run);
    }

    /** One sentence: "run 0b3c1f2e… failed: Division by zero", "run x finished: 4 executions". */
    public String sentence() {
        return name + (failed ? " failed: " : " finished: ") + detail;
    }
}
