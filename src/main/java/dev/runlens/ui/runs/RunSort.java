package dev.runlens.ui.runs;

import java.util.Comparator;

/** How the runs list is ordered. Ties keep the order runs were first seen in. */
public enum RunSort {
    FIRST_SEEN("First seen", Comparator.comparingInt(Placed::arrival)),
    NEWEST("Newest", Comparator.comparingInt(Placed::arrival).reversed()),
    STATUS("Status", Comparator.comparingInt(Placed::rank).thenComparing(Comparator.comparingInt(Placed::arrival).reversed())),
    NAME("Name", Comparator.comparing(Placed::name, String.CASE_INSENSITIVE_ORDER).thenComparingInt(Placed::arrival));

    private final String label;
    final Comparator<Placed> order;

    RunSort(String label, Comparator<Placed> order) {
        this.label = label;
        this.order = order;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * What a run is sorted by. {@code rank}: failed first, then running, then succeeded (what needs
     * a look comes first); {@code arrival}: its place in the order runs were first seen.
     */
    record Placed(int arrival, int rank, String name) {
        static Placed of(RunRow row, int arrival) {
            int rank = switch (row.status()) {
                case FAILED -> 0;
                case RUNNING -> 1;
                case SUCCEEDED -> 2;
            };
            return new Placed(arrival, rank, row.name());
        }
    }
}
