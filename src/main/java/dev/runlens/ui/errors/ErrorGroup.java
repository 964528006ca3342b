package dev.runlens.ui.errors;

import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.ErrorKind;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Identical errors (same kind, run, node and message) shown once with a count. Reconnect attempts
 * of one connection are one group whatever their wording, showing the latest.
 *
 * <p>A repeat changes the group in place, not the list that holds it: the error table rebuilds every
 * visible row when one of its items is replaced, which during a replay was a quarter of the FX
 * thread's time. The count and message are observable for the cells that show them, made when a
 * cell first asks (most groups are never on screen).
 */
public final class ErrorGroup {
    private final ErrorEntry first;
    private ErrorEntry latest;
    private int count = 1;
    private ReadOnlyIntegerWrapper countProperty;
    private ReadOnlyStringWrapper messageProperty;

    /** What makes errors identical. */
    record Key(Object kind, Object run, String node, String message) {
    }

    static Key key(ErrorEntry e) {
        if (e.kind() == ErrorKind.CONNECTION_LOST) {
            return new Key(e.kind(), e.feed(), null, null);
        }
        return new Key(e.kind(), e.run(), e.node(), e.message());
    }

    ErrorGroup(ErrorEntry first) {
        this.first = first;
        this.latest = first;
    }

    /** Counts one more identical error, keeping its wording as the latest. */
    void add(ErrorEntry e) {
        latest = e;
        count++;
        if (countProperty != null) {
            countProperty.set(count);
        }
        if (messageProperty != null) {
            messageProperty.set(e.message());
        }
    }

    public ErrorEntry first() {
        return first;
    }

    public ErrorEntry latest() {
        return latest;
    }

    public int count() {
        return count;
    }

    /** The text to show: the latest wording for connection trouble, else the (identical) message. */
    public String message() {
        return latest.message();
    }

    public ReadOnlyIntegerProperty countProperty() {
        if (countProperty == null) {
            countProperty = new ReadOnlyIntegerWrapper(count);
        }
        return countProperty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        if (messageProperty == null) {
            messageProperty = new ReadOnlyStringWrapper(message());
        }
        return messageProperty.getReadOnlyProperty();
    }
}
