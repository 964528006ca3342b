package dev.runlens.ui.events;

import dev.runlens.protocol.RunRef;
import dev.runlens.ui.fx.Batch;
import dev.runlens.ui.fx.DashboardModel;
import dev.runlens.ui.fx.EventRow;
import dev.runlens.ui.fx.RunTrack;
import dev.runlens.ui.fx.Selection;
import dev.runlens.ui.timeline.NodeNames;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The event log of the selected run: every frame, filtered by kind, node and text, with a Follow
 * mode that the operator leaves by scrolling up; while away, new matching rows are counted.
 */
public final class EventLogViewModel {
    public static final String ALL_KINDS = "All kinds";
    public static final String ALL_NODES = "All nodes";

    private final DashboardModel model;
    private final Selection selection;
    private final NodeNames names;
    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EventRow> visible = new FilteredList<>(rows);
    private final ObservableList<String> kinds = FXCollections.observableArrayList(ALL_KINDS);
    private final ObservableList<String> nodes = FXCollections.observableArrayList(ALL_NODES);
    private final Set<String> kindSet = new HashSet<>();
    private final Set<String> nodeSet = new HashSet<>();
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(ALL_KINDS);
    private final ObjectProperty<String> node = new SimpleObjectProperty<>(ALL_NODES);
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final IntegerProperty newWhileAway = new SimpleIntegerProperty();
    private RunRef shown;
    private int taken;
    private final List<EventRow> pending = new ArrayList<>();
    private boolean deferred;

    public EventLogViewModel(DashboardModel model, Selection selection, NodeNames names) {
        this.model = model;
        this.selection = selection;
        this.names = names;
        selection.runProperty().subscribe(this::showRun);
        kind.subscribe(k -> refilter());
        node.subscribe(n -> refilter());
        text.subscribe(t -> refilter());
        follow.subscribe(f -> {
            if (f) {
                newWhileAway.set(0);
            }
        });
        model.addListener(this::onBatch);
    }

    private void showRun(RunRef ref) {
        shown = ref;
        kindSet.clear();
        nodeSet.clear();
        kinds.setAll(ALL_KINDS);
        nodes.setAll(ALL_NODES);
        kind.set(ALL_KINDS);
        node.set(ALL_NODES);
        newWhileAway.set(0);
        RunTrack track = ref == null ? null : model.track(ref);
        List<EventRow> all = track == null ? List.of() : track.rows();
        taken = all.size();
        learn(all);
        pending.clear();
        rows.setAll(all);
    }

    void onBatch(Batch batch) {
        if (shown == null) {
            if (selection.run() != null) {
                showRun(selection.run());
            }
            return;
        }
        RunTrack track = model.track(shown);
        if (track == null || track.rows().size() == taken) {
            return;
        }
        // The track is append-only: take what this view has not seen (the run may have been
        // selected by another listener of this same batch, after its rows were added).
        List<EventRow> added = List.copyOf(track.rows().subList(taken, track.rows().size()));
        taken = track.rows().size();
        learn(added);
        if (!follow.get()) {
            Predicate<EventRow> p = predicate();
            int n = 0;
            for (EventRow r : added) {
                if (p.test(r)) {
                    n++;
                }
            }
            newWhileAway.set(newWhileAway.get() + n);
        }
        pending.addAll(added);
        if (!deferred) {
            flush();
        }
    }

    /**
     * Whether new rows wait for {@link #flush()} instead of reaching the table at once. The window
     * defers them and flushes a few times a second while the log is in view: a virtualized table
     * re-measures itself on every change, so fewer, larger changes keep a burst smooth.
     */
    public void setDeferred(boolean deferred) {
        this.deferred = deferred;
        if (!deferred) {
            flush();
        }
    }

    /** Moves waiting rows into the table, as one change. */
    public void flush() {
        if (!pending.isEmpty()) {
            List<EventRow> batch = new ArrayList<>(pending);
            pending.clear();
            rows.addAll(batch);
        }
    }

    /** Rows received but not yet in the table. */
    public int pendingCount() {
        return pending.size();
    }

    private void learn(List<EventRow> added) {
        for (EventRow r : added) {
            if (kindSet.add(r.kind())) {
                kinds.add(r.kind());
            }
            if (r.node() != null && nodeSet.add(r.node())) {
                nodes.add(names.name(r.node()));
            }
        }
    }

    private void refilter() {
        visible.setPredicate(predicate());
    }

    private Predicate<EventRow> predicate() {
        String k = kind.get();
        String n = node.get();
        String t = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        boolean anyKind = k == null || ALL_KINDS.equals(k);
        boolean anyNode = n == null || ALL_NODES.equals(n);
        if (anyKind && anyNode && t.isEmpty()) {
            return r -> true;
        }
        return r -> (anyKind || k.equals(r.kind()))
                && (anyNode || (r.node() != null && n.equals(names.name(r.node()))))
                && (t.isEmpty() || matches(r, t));
    }

    private boolean matches(EventRow r, String t) {
        return (r.summary() != null && r.summary().toLowerCase(Locale.ROOT).contains(t))
                || r.kind().toLowerCase(Locale.ROOT).contains(t)
                || (r.node() != null && (r.node().toLowerCase(Locale.ROOT).contains(t)
                || names.name(r.node()).toLowerCase(Locale.ROOT).contains(t)));
    }

    /** The operator scrolled away from the newest rows: stop following. */
    public void userScrolledAway() {
        follow.set(false);
    }

    /** Back to following the newest rows. */
    public void resumeFollow() {
        follow.set(true);
    }

    /** Rows that pass the filters, in arrival order. */
    public ObservableList<EventRow> visibleRows() {
        return visible;
    }

    public ObservableList<EventRow> allRows() {
        return rows;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<String> nodes() {
        return nodes;
    }

    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    public ObjectProperty<String> nodeProperty() {
        return node;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    /** Rows that arrived (and pass the filters) since Follow turned off. */
    public IntegerProperty newWhileAwayProperty() {
        return newWhileAway;
    }

    public NodeNames names() {
        return names;
    }

    public Selection selection() {
        return selection;
    }
}
