package dev.runlens.ui.events;

import dev.runlens.ui.rows.EventRow;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The event log's rows that pass the filters. Unlike {@code FilteredList}, it does not look at
 * every row when no filter is set (it is then the rows themselves): replacing a million rows after
 * a replay seek costs nothing here, and rows are only made when the table shows them. With a
 * filter, each row is tested once, and appended rows are tested as they come.
 */
final class FilteredRows extends ObservableListBase<EventRow> {
    private final ObservableList<EventRow> source;
    /** Null: every row passes. */
    private Predicate<EventRow> predicate;
    private int[] matches = new int[0];
    private int count;
    /** Source rows already taken in (the source only grows between replacements). */
    private int seen;

    FilteredRows(ObservableList<EventRow> source) {
        this.source = source;
        source.addListener((ListChangeListener<EventRow>) this::sourceChanged);
    }

    /** Null shows every row. */
    void setPredicate(Predicate<EventRow> p) {
        List<EventRow> before = snapshot();
        predicate = p;
        rebuild();
        replaceAll(before);
    }

    /** Tells listeners that every row changed, {@code before} being what was shown (read lazily). */
    private void replaceAll(List<EventRow> before) {
        if (!before.isEmpty() || size() > 0) {
            fireChange(new WholeReplacement<>(this, before, size()));
        }
    }

    private void sourceChanged(ListChangeListener.Change<? extends EventRow> c) {
        boolean append = true;
        List<EventRow> removed = List.of();
        while (c.next()) {
            if (c.wasRemoved() || c.wasPermutated() || c.wasUpdated() || c.getFrom() < seen) {
                append = false;
                if (c.wasRemoved()) {
                    @SuppressWarnings("unchecked")
                    List<EventRow> r = (List<EventRow>) c.getRemoved();
                    removed = r;
                }
            }
        }
        if (!append) {
            // A new run shown, or a seek: what was shown is the source's old rows, made on demand.
            List<EventRow> before = predicate == null ? removed : filteredOld(removed);
            rebuild();
            replaceAll(before);
            return;
        }
        int oldSize = predicate == null ? seen : count;
        if (predicate != null) {
            for (int i = seen; i < source.size(); i++) {
                if (predicate.test(source.get(i))) {
                    add(i);
                }
            }
        }
        seen = source.size();
        if (size() > oldSize) {
            beginChange();
            nextAdd(oldSize, size());
            endChange();
        }
    }

    /** The rows this list showed before, from the removed rows of its source (same order). */
    private List<EventRow> filteredOld(List<EventRow> oldSource) {
        int[] m = Arrays.copyOf(matches, count);
        return new AbstractList<>() {
            @Override
            public EventRow get(int index) {
                return oldSource.get(m[index]);
            }

            @Override
            public int size() {
                return m.length;
            }
        };
    }

    /** What this list shows now, read lazily (for the "removed" part of a change). */
    private List<EventRow> snapshot() {
        return predicate == null ? source.subList(0, source.size()) : filteredOld(source);
    }

    private void rebuild() {
        count = 0;
        seen = source.size();
        if (predicate == null) {
            matches = new int[0];
            return;
        }
        for (int i = 0; i < source.size(); i++) {
            if (predicate.test(source.get(i))) {
                add(i);
            }
        }
    }

    private void add(int sourceIndex) {
        if (count == matches.length) {
            matches = Arrays.copyOf(matches, Math.max(64, count * 2));
        }
        matches[count++] = sourceIndex;
    }

    @Override
    public EventRow get(int index) {
        if (predicate == null) {
            return source.get(index);
        }
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return source.get(matches[index]);
    }

    @Override
    public int size() {
        return predicate == null ? source.size() : count;
    }
}
