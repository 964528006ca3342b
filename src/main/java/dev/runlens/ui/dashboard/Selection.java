package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What the operator is looking at: one run, and maybe one of its executions. Shared by all panels. */
public final class Selection {
    private final ObjectProperty<RunRef> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<Execution> execution = new SimpleObjectProperty<>(this, "execution");

    public Selection() {
        // A different run never keeps the old run's execution.
        run.subscribe((oldRun, newRun) -> {
            if (oldRun != null && !oldRun.equals(newRun)) {
                execution.set(null);
            }
        });
    }

    public ObjectProperty<RunRef> runProperty() {
        return run;
    }

    public ObjectProperty<Execution> executionProperty() {
        return execution;
    }

    public RunRef run() {
        return run.get();
    }

    public Execution execution() {
        return execution.get();
    }

    /** Selects a run and one of its executions at once. */
    public void select(RunRef ref, Execution exec) {
        run.set(ref);
        execution.set(exec);
    }
}
