package dev.runlens.ui.runs;

import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The runs the list shows, filtered and sorted, kept up to date run by run: a batch only moves the
 * runs whose filter result or sort place changed (a live run's counts change neither), as a few
 * single insertions and removals, so the list keeps its selection and scroll; many at once become
 * one replacement. Only a new filter or sort sorts everything again.
 */
final class ShownRuns {
    /** Above this many moves in one batch, the list is replaced in one change. */
    private static final int SINGLE_MOVES = 32;
    private final ObservableList<RunRef> shown = FXCollections.observableArrayList();
    /** The runs shown, with what they were placed by. */
    private final Map<RunRef, RunSort.Placed> placed = new HashMap<>();
    private final Function<RunRef, Run> runOf;
    private RunFilter filter = RunFilter.ALL;
    private RunSort sort = RunSort.FIRST_SEEN;

    ShownRuns(Function<RunRef, Run> runOf) {
        this.runOf = runOf;
    }

    ObservableList<RunRef> list() {
        return shown;
    }

    RunFilter filter() {
        return filter;
    }

    /** A new filter or sort: places every run of {@code rows} ({@code arrival}: its index there) again. */
    void reset(RunFilter filter, RunSort sort, List<RunRow> rows) {
        this.filter = filter;
        this.sort = sort;
        placed.clear();
        List<RunRef> next = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RunSort.Placed p = place(rows.get(i), i);
            if (p != null) {
                placed.put(rows.get(i).ref(), p);
                next.add(rows.get(i).ref());
            }
        }
        next.sort(order());
        if (!next.equals(shown)) {
            shown.setAll(next);
        }
    }

    /** Runs whose rows changed this batch, each with its index in the order first seen. */
    void update(List<RunRow> changed, Function<RunRef, Integer> arrival) {
        Set<RunRef> out = new HashSet<>();
        List<RunRef> in = new ArrayList<>();
        for (RunRow row : changed) {
            RunRef ref = row.ref();
            RunSort.Placed before = placed.get(ref);
            RunSort.Placed now = place(row, arrival.apply(ref));
            if (before == null && now == null || before != null && now != null && sort.order.compare(before, now) == 0) {
                if (now != null) {
                    placed.put(ref, now);
                }
                continue;
            }
            if (before != null) {
                out.add(ref);
            }
            if (now != null) {
                placed.put(ref, now);
                in.add(ref);
            } else {
                placed.remove(ref);
            }
        }
        if (out.isEmpty() && in.isEmpty()) {
            return;
        }
        if (out.size() + in.size() > SINGLE_MOVES) {
            List<RunRef> next = new ArrayList<>(shown);
            next.removeIf(out::contains);
            in.forEach(ref -> next.add(insertionPoint(next, ref), ref));
            shown.setAll(next);
            return;
        }
        shown.removeIf(out::contains);
        for (RunRef ref : in) {
            shown.add(insertionPoint(shown, ref), ref);
        }
    }

    private RunSort.Placed place(RunRow row, int arrival) {
        return filter.matches(row, filter.text().isEmpty() ? null : runOf.apply(row.ref())) ? RunSort.Placed.of(row, arrival) : null;
    }

    private Comparator<RunRef> order() {
        return (a, b) -> sort.order.compare(placed.get(a), placed.get(b));
    }

    private int insertionPoint(List<RunRef> list, RunRef ref) {
        int i = Collections.binarySearch(list, ref, order());
        return i < 0 ? -i - 1 : i;
    }
}
