package dev.runlens.fuzz;

import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;

import java.util.ArrayList;
import java.util.List;

/** What must hold in any run model, whatever it was fed. Returns the violations found. */
final class ModelInvariants {
    private ModelInvariants() {
    }

    static List<String> check(RunModel model) {
        List<String> bad = new ArrayList<>();
        for (Run run : model.runs()) {
            int finished = 0;
            int failed = 0;
            int nodeErrors = 0;
            if (run.events() < 0) {
                bad.add(run + ": negative event count");
            }
            for (Execution e : run.executions()) {
                if (e.outputs() < 0 || e.times() < 0) {
                    bad.add(run + " " + e + ": negative count");
                }
                if (e.finished()) {
                    finished++;
                }
                if (e.status() == ExecutionStatus.FAILED) {
                    failed++;
                }
                nodeErrors += e.errorCount();
                if (e.errorCount() > 0 && e.status() != ExecutionStatus.FAILED) {
                    bad.add(run + " " + e + ": has errors but is " + e.status());
                }
                if (e.finished() && e.errorCount() == 0 && e.status() != ExecutionStatus.SUCCEEDED) {
                    bad.add(run + " " + e + ": finished without error but " + e.status());
                }
                if (run.terminal() && e.status() == ExecutionStatus.RUNNING) {
                    bad.add(run + " " + e + ": still running in a finished run");
                }
                if (!run.terminal() && e.status() == ExecutionStatus.INTERRUPTED) {
                    bad.add(run + " " + e + ": interrupted in a live run");
                }
            }
            if (finished != run.finishedExecutions()) {
                bad.add(run + ": finished count " + run.finishedExecutions() + " but " + finished + " finished");
            }
            if (failed != run.failedExecutions()) {
                bad.add(run + ": failed count " + run.failedExecutions() + " but " + failed + " failed");
            }
            long errorsInRun = run.errors().stream().filter(x -> !x.isFlowError()).count();
            if (errorsInRun != nodeErrors) {
                bad.add(run + ": " + errorsInRun + " node errors listed but executions hold " + nodeErrors);
            }
        }
        return bad;
    }
}
