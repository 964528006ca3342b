package dev.runlens.act;

import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run waits on after an {@code ApiInput} event, and which execution waits. The event names
 * no node, so the wait belongs to the execution running when it arrives: the only running one, else
 * the most recently started; when several run they are all {@code candidates} and the form says
 * "one of". With none running the run itself waits.
 *
 * @param url        where the answer is posted ({@code POST}) or the input cancelled ({@code DELETE})
 * @param candidates the running executions, most recently started first; the first is the one that waits
 */
public record InputWait(String url, List<Execution> candidates) {
    public InputWait {
        candidates = List.copyOf(candidates);
    }

    /** The wait of {@code run} (may be null: nothing known of the run yet) on the input at {@code url}. */
    public static InputWait attribute(Run run, String url) {
        List<Execution> running = run == null ? List.of() : run.executions().stream()
                .filter(e -> e.status() == ExecutionStatus.RUNNING && !e.finished())
                // Latest start first; executions with no start time last; a tie goes to the later one in the run.
                .sorted(Comparator.comparing((Execution e) -> e.startedAt() == null ? Instant.MIN : e.startedAt())
                        .thenComparingInt(Execution::index).reversed())
                .toList();
        return new InputWait(url, running);
    }

    /** The execution that waits, or null when the run itself waits (nothing was running). */
    public Execution execution() {
        return candidates.isEmpty() ? null : candidates.getFirst();
    }

    /** Whether {@code e} is (or may be) the waiting execution. */
    public boolean concerns(Execution e) {
        // By (node, times): the views hold copies of the model's executions.
        return e != null && candidates.stream().anyMatch(c -> c.node().equals(e.node()) && c.times() == e.times());
    }

    /**
     * Who waits, in words: "the run", "node A", or "one of: A, B" with each node's label once.
     */
    public String who(Function<String, String> label) {
        if (candidates.isEmpty()) {
            return "the run";
        }
        if (candidates.size() == 1) {
            return "node " + label.apply(candidates.getFirst().node());
        }
        Set<String> labels = candidates.stream().map(e -> label.apply(e.node())).collect(Collectors.toCollection(LinkedHashSet::new));
        return labels.size() == 1 ? "node " + labels.iterator().next() : "one of: " + String.join(", ", labels);
    }
}
