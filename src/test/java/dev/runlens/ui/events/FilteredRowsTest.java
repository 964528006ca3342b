package dev.runlens.ui.events;

import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.FrameRef;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The filtered rows against a plain filter of the same rows, and the change events against the
 * list itself: a listener that replays every change onto a copy must end with the same list.
 */
class FilteredRowsTest {
    private static final RunRef RUN = new RunRef(Source.SPACE_OPERATOR, "r");

    @Test
    void appendsReplacementsAndFilterChangesKeepTheListAndItsChangesExact() {
        RowListView source = new RowListView();
        FilteredRows filtered = new FilteredRows(source);
        List<EventRow> mirror = new ArrayList<>();
        filtered.addListener((ListChangeListener<EventRow>) c -> {
            while (c.next()) {
                if (c.wasReplaced() || c.wasRemoved()) {
                    assertEquals(mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()), c.getRemoved(), "removed items");
                    mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                }
                if (c.wasAdded()) {
                    mirror.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
        List<EventRow> run1 = rows(0, 5_000);
        source.show(run1, 1_000);
        check(filtered, mirror, run1.subList(0, 1_000), null);
        source.extendTo(3_000);
        check(filtered, mirror, run1.subList(0, 3_000), null);
        Predicate<EventRow> outputs = r -> r.kind().equals("NodeOutput");
        filtered.setPredicate(outputs);
        check(filtered, mirror, run1.subList(0, 3_000), outputs);
        source.extendTo(5_000);
        check(filtered, mirror, run1, outputs);
        List<EventRow> run2 = rows(100, 2_000);
        source.show(run2, 2_000);
        check(filtered, mirror, run2, outputs);
        filtered.setPredicate(null);
        check(filtered, mirror, run2, null);
        source.show(run1, 10);
        check(filtered, mirror, run1.subList(0, 10), null);
        source.show(List.of(), 0);
        check(filtered, mirror, List.of(), null);
    }

    @Test
    void replacingTheShownRowsMakesNoneOfTheRowsShownBefore() {
        RowListView source = new RowListView();
        FilteredRows filtered = new FilteredRows(source);
        int[] sizes = new int[2];
        filtered.addListener((ListChangeListener<EventRow>) c -> {
            while (c.next()) {
                sizes[0] = c.getRemovedSize();
                sizes[1] = c.getAddedSize();
            }
        });
        List<EventRow> made = new ArrayList<>();
        List<EventRow> before = new java.util.AbstractList<>() {
            @Override
            public EventRow get(int index) {
                EventRow r = rows(index, 1).get(0);
                made.add(r);
                return r;
            }

            @Override
            public int size() {
                return 100_000;
            }
        };
        source.show(before, 100_000);
        assertEquals(List.of(0, 100_000), List.of(sizes[0], sizes[1]));
        source.show(rows(0, 20), 20);
        assertEquals(List.of(100_000, 20), List.of(sizes[0], sizes[1]), "a seek replaces every row");
        assertEquals(List.of(), made, "no row of the earlier list was made");
        filtered.setPredicate(r -> r.kind().equals("NodeOutput"));
        source.show(before, 100_000);
        int tested = made.size();
        assertEquals(100_000, tested, "a filter tests each row once");
        filtered.setPredicate(null);
        assertEquals(tested, made.size(), "dropping the filter makes no row");
    }

    private static void check(FilteredRows filtered, List<EventRow> mirror, List<EventRow> shown, Predicate<EventRow> p) {
        List<EventRow> expected = p == null ? shown : shown.stream().filter(p).toList();
        assertEquals(expected, List.copyOf(filtered));
        assertEquals(expected, mirror);
    }

    private static List<EventRow> rows(int from, int n) {
        return IntStream.range(from, from + n).mapToObj(i -> new EventRow(i, Instant.EPOCH.plusMillis(i), null,
                i % 3 == 0 ? "NodeOutput" : "NodeLog", "n" + (i % 7), 0, "s" + i, new FrameRef.Inline("{}"), RUN, null)).toList();
    }
}
