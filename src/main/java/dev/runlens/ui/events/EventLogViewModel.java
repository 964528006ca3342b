package dev.runlens.ui.events;

import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.rows.EventRow;
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
    private final RowListView rows = new RowListView();
    private final FilteredRows visible = new FilteredRows(rows);
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
    /** Rows of the shown run this view has seen (learned kinds and nodes, counted); the table shows up to it after a flush. */
    private int taken;
    private TrackedRun track;
    private TrackedRun learnedFrom;
    private int kindsLearned;
    private int nodesLearned;
    private List<EventRow> source = List.of();
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
        model.addResetListener(this::rebuild);
    }

    /** After a replay seek: the shown run's rows are read again, filters kept. */
    private void rebuild() {
        load(false);
    }

    /** Shows the shown run's rows as they are now; {@code defer} leaves them for the next flush. */
    private void load(boolean defer) {
        newWhileAway.set(0);
        track = shown == null ? null : model.track(shown);
        source = track == null ? List.of() : track.rows();
        taken = source.size();
        learn();
        rows.show(source, defer ? 0 : taken);
    }

    private void showRun(RunRef ref) {
        shown = ref;
        kindSet.clear();
        nodeSet.clear();
        learnedFrom = null;
        kinds.setAll(ALL_KINDS);
        nodes.setAll(ALL_NODES);
        kind.set(ALL_KINDS);
        node.set(ALL_NODES);
        // Deferred (the window), the rows come with the next flush: a run's first showing then
        // fills the timeline and inspector in one frame and the table's cells in a later one.
        load(deferred);
    }

    void onBatch(Batch batch) {
        if (shown == null) {
            if (selection.run() != null) {
                showRun(selection.run());
            }
            return;
        }
        if (track == null && model.track(shown) != null) {
            // The selected run had no rows yet when it was selected.
            track = model.track(shown);
            source = track.rows();
            rows.show(source, 0);
        }
        if (source.size() == taken) {
            return;
        }
        // The track is append-only: take what this view has not seen (the run may have been
        // selected by another listener of this same batch, after its rows were added).
        List<EventRow> added = source.subList(taken, source.size());
        taken = source.size();
        learn();
        if (!follow.get()) {
            Predicate<EventRow> p = predicate();
            newWhileAway.set(newWhileAway.get() + (int) (p == null ? added.size() : added.stream().filter(p).count()));
        }
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
        rows.extendTo(taken);
    }

    /** Rows received but not yet in the table. */
    public int pendingCount() {
        return taken - rows.size();
    }

    /** Offers the kinds and nodes the shown run has that the filters do not list yet. */
    private void learn() {
        if (track == null) {
            return;
        }
        if (track != learnedFrom) {
            learnedFrom = track;
            kindsLearned = 0;
            nodesLearned = 0;
        }
        List<String> k = track.kinds();
        for (; kindsLearned < k.size(); kindsLearned++) {
            if (kindSet.add(k.get(kindsLearned))) {
                kinds.add(k.get(kindsLearned));
            }
        }
        List<String> n = track.nodes();
        for (; nodesLearned < n.size(); nodesLearned++) {
            if (nodeSet.add(n.get(nodesLearned))) {
                nodes.add(names.name(n.get(nodesLearned)));
            }
        }
    }

    private void refilter() {
        visible.setPredicate(predicate());
    }

    /** The filters as a test of a row; null when every row passes. */
    private Predicate<EventRow> predicate() {
        String k = kind.get();
        String n = node.get();
        String t = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        boolean anyKind = k == null || ALL_KINDS.equals(k);
        boolean anyNode = n == null || ALL_NODES.equals(n);
        if (anyKind && anyNode && t.isEmpty()) {
            return null;
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
