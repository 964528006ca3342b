package dev.runlens.ui.events;

import dev.runlens.ui.rows.EventRow;
import javafx.collections.ObservableListBase;

import java.util.List;

/**
 * The event log's table items without a list of rows: the first {@code count} rows of a run's
 * track, made on demand when the table or a filter asks. A burst then costs the table one "added"
 * change per flush and no retained object per row, and showing other rows (a replay seek, another
 * run) makes none of the rows shown before.
 */
final class RowListView extends ObservableListBase<EventRow> {
    private List<EventRow> source = List.of();
    private int count;

    /** Shows the first {@code n} rows of {@code rows} instead of what was shown. */
    void show(List<EventRow> rows, int n) {
        List<EventRow> removed = source.subList(0, count);
        source = rows;
        count = n;
        if (!removed.isEmpty() || n > 0) {
            // The rows shown before are made only if a listener reads them (see WholeReplacement).
            fireChange(new WholeReplacement<>(this, removed, n));
        }
    }

    /** Shows the source's rows up to {@code n} (an append-only source grew). */
    void extendTo(int n) {
        if (n <= count) {
            return;
        }
        int from = count;
        count = n;
        beginChange();
        nextAdd(from, n);
        endChange();
    }

    @Override
    public EventRow get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return source.get(index);
    }

    @Override
    public int size() {
        return count;
    }
}
