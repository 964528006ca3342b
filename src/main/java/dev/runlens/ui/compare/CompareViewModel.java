package dev.runlens.ui.compare;

import dev.runlens.compare.BaselineChoice;
import dev.runlens.compare.BaselineSearch;
import dev.runlens.compare.Baselines;
import dev.runlens.compare.Comparison;
import dev.runlens.compare.LoadedRun;
import dev.runlens.compare.RecordingLoader;
import dev.runlens.compare.RunComparator;
import dev.runlens.compare.RunPayloads;
import dev.runlens.history.FlowKey;
import dev.runlens.history.PastRun;
import dev.runlens.history.RunHistory;
import dev.runlens.log.ReadProblem;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.rows.EventRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One run beside its baseline, kept up to date while the run streams: new event rows are read for
 * their payloads on a worker thread, and the comparison is redone on the FX thread once per batch
 * (never per event). The baseline is found in the history, or picked from it or from a file.
 */
public final class CompareViewModel {
    private final DashboardModel model;
    private final RunRef ref;
    private final RunHistory history;
    private final Consumer<Runnable> fx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("runlens-compare").factory());
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final StringProperty header = new SimpleStringProperty(this, "header", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    /** Touched only on the worker. */
    private RunPayloads workerPayloads = new RunPayloads();
    private RunPayloads payloads = new RunPayloads();
    private LoadedRun baseline;
    private BaselineChoice choice;
    private boolean searching;
    private FlowKey lastSearchedFlow;
    /** The last search found several flows holding the live run's nodes so far. */
    private boolean ambiguous;
    private boolean closed;
    private final Consumer<Batch> onBatch = this::batch;

    public CompareViewModel(DashboardModel model, RunRef ref, RunHistory history, Consumer<Runnable> fx) {
        this.model = model;
        this.ref = ref;
        this.history = history;
        this.fx = fx;
    }

    /** Reads the run's rows so far and starts following it. FX thread. */
    public void start() {
        model.addListener(onBatch);
        model.addResetListener(() -> {
            if (!closed) {
                reread();
            }
        });
        reread();
        searchDefault();
        update();
    }

    /** Stops following the run. */
    public void close() {
        closed = true;
        worker.shutdownNow();
    }

    private void reread() {
        TrackedRun t = model.track(ref);
        List<EventRow> rows = t == null ? List.of() : List.copyOf(t.rows());
        worker.execute(() -> {
            workerPayloads = new RunPayloads();
            readRows(rows);
        });
    }

    private void readRows(List<EventRow> rows) {
        int unread = RowPayloads.read(rows, ref, workerPayloads);
        RunPayloads copy = workerPayloads.copy();
        fx.accept(() -> {
            if (!closed) {
                payloads = copy;
                if (unread > 0) {
                    report(unread + " payloads of the run could not be read back; they count as missing");
                }
                update();
            }
        });
    }

    private void batch(Batch b) {
        if (closed) {
            return;
        }
        List<EventRow> rows = b.newRows(ref);
        if (!rows.isEmpty()) {
            List<EventRow> copy = List.copyOf(rows);
            worker.execute(() -> readRows(copy));
        }
        if (!rows.isEmpty() || b.changedRuns().stream().anyMatch(r -> r.ref().equals(ref))) {
            // Asks again only when a Space Operator run touched a new node (its flow key changed).
            if (baseline == null || provisional()) {
                searchDefault();
            }
            update();
        }
    }

    /** Redoes the comparison from the run as it is now. */
    private void update() {
        Run run = run();
        if (run == null) {
            header.set("The run " + ref + " is no longer shown.");
            comparison.set(null);
            return;
        }
        header.set(headerText(run));
        comparison.set(baseline == null ? null : RunComparator.compare(new LoadedRun(null, run, payloads), baseline));
    }

    private String headerText(Run run) {
        String self = "Run " + ref.runId() + " (" + run.status().id() + ", " + run.executions().size() + " executions)";
        if (baseline == null) {
            if (ambiguous && !searching) {
                return self + "  ·  no baseline yet: more than one flow in the history has the " + run.nodes().size()
                        + " nodes this run touched so far; looking again as it touches more";
            }
            return self + "  ·  no baseline" + (searching ? ": looking in the history…" : ": no succeeded run of this flow in the history;"
                    + " pick one");
        }
        Run b = baseline.run();
        String how = provisional()
                ? "the most recent succeeded run of the only flow whose nodes include the " + run.nodes().size()
                        + " this run touched so far (provisional: " + run.nodes().size() + " of its " + b.nodes().size() + " nodes seen)"
                : choice.text();
        return self + "  ·  baseline " + b.ref().runId() + " (" + b.status().id() + ", " + b.executions().size() + " executions) from "
                + baseline.recording().getFileName() + ", " + how;
    }

    /** The default baseline was chosen from a Space Operator run's nodes so far, not its whole node set. */
    private boolean provisional() {
        Run run = run();
        return baseline != null && choice == BaselineChoice.DEFAULT && run != null && Baselines.provisional(baseline.run(), run);
    }

    private Run run() {
        TrackedRun t = model.track(ref);
        return t == null ? null : t.run();
    }

    private void searchDefault() {
        Run run = run();
        if (run == null || searching || choice != null && choice != BaselineChoice.DEFAULT) {
            return;
        }
        FlowKey flow = FlowKey.of(run);
        if (flow.equals(lastSearchedFlow) || baseline != null && !provisional()) {
            return;
        }
        searching = true;
        lastSearchedFlow = flow;
        Set<String> nodes = Set.copyOf(run.nodes());
        boolean live = !run.terminal();
        LoadedRun current = baseline;
        worker.execute(() -> {
            BaselineSearch search = BaselineSearch.NONE;
            Optional<LoadedRun> loaded = Optional.empty();
            String failure = null;
            try {
                search = Baselines.defaultFor(history, flow, nodes, live, ref);
                Optional<PastRun> found = search.found();
                if (found.isPresent() && current != null && current.run().ref().equals(found.get().run())
                        && current.recording().equals(found.get().recording())) {
                    loaded = Optional.of(current);
                } else if (found.isPresent()) {
                    loaded = RecordingLoader.load(found.get().recording(), found.get().run());
                }
            } catch (IOException | RuntimeException e) {
                failure = "the history's baseline could not be read: " + e.getMessage();
            }
            Optional<LoadedRun> result = loaded;
            String why = failure;
            boolean several = search.ambiguous();
            fx.accept(() -> {
                searching = false;
                ambiguous = several;
                if (why != null) {
                    report(why);
                }
                if (result.isPresent() && (choice == null || choice == BaselineChoice.DEFAULT)) {
                    setBaseline(result.get(), BaselineChoice.DEFAULT);
                } else {
                    if (why == null && provisional()) {
                        // The run touched a node its provisional baseline's flow does not have.
                        baseline = null;
                        choice = null;
                    }
                    update();
                }
                if (!closed && (baseline == null || provisional())) {
                    searchDefault();
                }
            });
        });
    }

    /** The succeeded runs of the run's flow in the history, newest first, other than the run itself. */
    public List<PastRun> pastRuns() {
        Run run = run();
        return run == null ? List.of() : history.succeededRuns(FlowKey.of(run), 20).stream()
                .filter(p -> !p.run().equals(ref)).toList();
    }

    /** Compares with {@code past} from now on. */
    public void pick(PastRun past) {
        load(past.recording(), () -> RecordingLoader.load(past.recording(), past.run())
                .orElseThrow(() -> new IOException(past.recording() + " no longer holds run " + past.run().runId())), BaselineChoice.PICKED);
    }

    /** Compares with a run of the recording {@code file}: a succeeded run of the same flow if it holds one. */
    public void pickFile(Path file) {
        Run run = run();
        FlowKey flow = run == null ? null : FlowKey.of(run);
        load(file, () -> {
            Run chosen = Baselines.pickIn(RecordingLoader.runs(file), flow, ref)
                    .orElseThrow(() -> new IOException(file + " holds no run"));
            return RecordingLoader.load(file, chosen.ref()).orElseThrow();
        }, BaselineChoice.FILE);
    }

    private interface Loading {
        LoadedRun load() throws IOException;
    }

    private void load(Path file, Loading loading, BaselineChoice how) {
        worker.execute(() -> {
            try {
                LoadedRun loaded = loading.load();
                fx.accept(() -> setBaseline(loaded, how));
            } catch (IOException e) {
                String sentence = ReadProblem.of(file, e);
                fx.accept(() -> report(sentence));
            } catch (RuntimeException e) {
                fx.accept(() -> report(file + ": cannot be read (" + e.getMessage() + ")"));
            }
        });
    }

    private void setBaseline(LoadedRun loaded, BaselineChoice how) {
        if (closed) {
            return;
        }
        baseline = loaded;
        choice = how;
        problem.set("");
        update();
    }

    /** One sentence in the window and on stderr; what is already shown stays. */
    private void report(String sentence) {
        problem.set(sentence);
        System.err.println("runlens: " + sentence);
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
