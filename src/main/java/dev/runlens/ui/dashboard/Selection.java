package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.function.Function;

/** What the operator is looking at: one run, and maybe one of its executions. Shared by all panels. */
public final class Selection {
    private final ObjectProperty<RunRef> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<Execution> execution = new SimpleObjectProperty<>(this, "execution");
    private Function<RunRef, Execution> landing = ref -> null;
    /** True while {@link #select} sets the run: its execution is given, not looked for. */
    private boolean given;

    public Selection() {
        // A different run never keeps the old run's execution: it lands on its own (a failed run: its failure).
        run.subscribe((oldRun, newRun) -> {
            if (!given && newRun != null && !newRun.equals(oldRun)) {
                execution.set(landing.apply(newRun));
            } else if (oldRun != null && !oldRun.equals(newRun)) {
                execution.set(null);
            }
        });
    }

    /**
     * Where a run selected on its own lands: {@code landing} gives the execution to select with it
     * (a failed run's first failing execution), or null for the run itself.
     */
    public void landOn(Function<RunRef, Execution> landing) {
        this.landing = landing;
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

    /** Selects a run and one of its executions at once (null: the run itself). */
    public void select(RunRef ref, Execution exec) {
        given = true;
        try {
            run.set(ref);
        } finally {
            given = false;
        }
        execution.set(exec);
    }
}
