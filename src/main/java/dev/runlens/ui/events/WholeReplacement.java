package dev.runlens.ui.events;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * One change that replaces a whole list: everything it showed ({@code removed}, read lazily) by
 * its first {@code added} items. {@code ObservableListBase.nextReplace} copies the removed items
 * into a list of its own, which for a view whose rows are made on demand meant making every row
 * the list showed before (a replay seek in a run of 100,000 events made 100,000 rows to throw
 * away); listeners that look at the removed items (few do: the table only at a single removal)
 * make just the ones they read.
 */
final class WholeReplacement<E> extends ListChangeListener.Change<E> {
    private final List<E> removed;
    private final int added;
    private int cursor = -1;

    WholeReplacement(ObservableList<E> list, List<E> removed, int added) {
        super(list);
        this.removed = removed;
        this.added = added;
    }

    @Override
    public boolean next() {
        cursor++;
        return cursor == 0;
    }

    @Override
    public void reset() {
        cursor = -1;
    }

    private void check() {
        if (cursor != 0) {
            throw new IllegalStateException("call next() first");
        }
    }

    @Override
    public int getFrom() {
        check();
        return 0;
    }

    @Override
    public int getTo() {
        check();
        return added;
    }

    @Override
    public List<E> getRemoved() {
        check();
        return removed;
    }

    @Override
    public int getRemovedSize() {
        check();
        return removed.size();
    }

    @Override
    protected int[] getPermutation() {
        check();
        return new int[0];
    }
}
