package dev.runlens.ui.rows;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/** Rows of a store as a list: all of them (live: follows the store's count), or a fixed subset by position. */
final class RowView extends AbstractList<EventRow> implements RandomAccess {
    private final IntFunction<EventRow> row;
    private final IntSupplier count;
    private final int[] subset;

    RowView(IntFunction<EventRow> row, IntSupplier count, int[] subset) {
        this.row = row;
        this.count = count;
        this.subset = subset;
    }

    @Override
    public EventRow get(int index) {
        return row.apply(subset == null ? index : subset[index]);
    }

    @Override
    public int size() {
        return subset == null ? count.getAsInt() : subset.length;
    }
}
