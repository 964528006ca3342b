package dev.runlens.ui.inspector;

import dev.runlens.value.Masking;
import dev.runlens.log.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.compare.Overdue;
import dev.runlens.history.UsualDuration;
import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.inspector.InspectorItems.ErrorItem;
import dev.runlens.ui.inspector.InspectorItems.LogItem;
import dev.runlens.ui.inspector.InspectorItems.PayloadDoc;
import dev.runlens.ui.inspector.InspectorItems.RawItem;
import dev.runlens.ui.inspector.InspectorItems.Tab;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.timeline.NodeNames;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The inspector's state for the selected execution (or, with none, the run itself). Frames are
 * read and decoded on {@code background}; results are published on {@code fx}. Knows no controls.
 */
public final class InspectorViewModel {
    private final DashboardModel model;
    private final Selection selection;
    private final NodeNames names;
    private final Executor background;
    private final Executor fx;
    private final StringProperty title = new SimpleStringProperty("Nothing selected");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final ObjectProperty<PayloadDoc> input = new SimpleObjectProperty<>();
    private final ObservableList<PayloadDoc> outputs = FXCollections.observableArrayList();
    private final ObservableList<ErrorItem> errors = FXCollections.observableArrayList();
    private final ObservableList<LogItem> logs = FXCollections.observableArrayList();
    private final ObservableList<RawItem> raw = FXCollections.observableArrayList();
    private final BooleanProperty revealSecrets = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty overdue = new SimpleStringProperty("");
    private Function<Run, Map<String, UsualDuration>> usual = r -> Map.of();
    private final ObjectProperty<Tab> preferredTab = new SimpleObjectProperty<>(Tab.INPUT);
    private long generation;
    private boolean inFlight;
    private boolean reloadPending;

    public InspectorViewModel(DashboardModel model, Selection selection, NodeNames names, Executor background, Executor fx) {
        this.model = model;
        this.selection = selection;
        this.names = names;
        this.background = background;
        this.fx = fx;
        selection.executionProperty().subscribe(e -> reload(true));
        selection.runProperty().subscribe(r -> reload(true));
        model.addListener(this::onBatch);
        model.addResetListener(() -> reload(false));
    }

    private void onBatch(Batch batch) {
        RunRef run = selection.run();
        if (run == null) {
            return;
        }
        Execution exec = selection.execution();
        if (batch.newRows(run).stream().anyMatch(row -> row.execution() == exec)) {
            reload(false);
        }
    }

    /** Reads the selection's frames again; {@code fresh} when the selection itself changed. */
    private void reload(boolean fresh) {
        RunRef run = selection.run();
        TrackedRun track = run == null ? null : model.track(run);
        if (track == null) {
            generation++;
            title.set("Nothing selected");
            subtitle.set("Select a run, then an execution in the timeline");
            clear();
            return;
        }
        if (inFlight && !fresh) {
            reloadPending = true;
            return;
        }
        Execution exec = selection.execution();
        List<EventRow> rows = new ArrayList<>(track.rows(exec));
        if (exec == null) {
            title.set("Run " + run.runId());
            subtitle.set(track.run().status().id() + " · run-level events (select an execution for its payloads)");
        } else {
            title.set(names.name(exec.node()) + "  #" + exec.times());
            // The server's execution_time when it gave one, else finish minus start.
            java.time.Duration took = exec.finished() ? exec.duration() : null;
            subtitle.set(exec.status().id() + " · node " + exec.node()
                    + (took == null ? "" : " · took " + dev.runlens.summary.Durations.format(took)));
        }
        updateOverdue(Instant.now());
        if (fresh) {
            clear();
            preferredTab.set(exec == null ? Tab.OUTPUT : exec.status() == ExecutionStatus.FAILED ? Tab.ERRORS
                    : exec.outputs() > 0 ? Tab.OUTPUT : Tab.INPUT);
        }
        long gen = ++generation;
        inFlight = true;
        loading.set(true);
        // A run's output may come from no event at all: fetched over HTTP (final_output, task-status).
        JsonNode runOutput = exec == null ? track.run().output() : null;
        runInBackground(() -> {
            InspectorLoader.Content content = InspectorLoader.withRunOutput(InspectorLoader.load(run, rows), runOutput);
            fx.execute(() -> publish(gen, content));
        });
    }

    /** Background work; once the dashboard is closing its executor refuses, and there is nothing to show. */
    private void runInBackground(Runnable task) {
        try {
            background.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            loading.set(false);
        }
    }

    private void publish(long gen, InspectorLoader.Content c) {
        inFlight = false;
        if (gen != generation) {
            return;
        }
        loading.set(false);
        input.set(c.input());
        outputs.setAll(c.outputs());
        errors.setAll(c.errors());
        logs.setAll(c.logs());
        raw.setAll(c.raw());
        message.set(c.problems().isEmpty() ? "" : String.join("; ", c.problems()));
        if (reloadPending) {
            reloadPending = false;
            reload(false);
        }
    }

    private void clear() {
        input.set(null);
        outputs.clear();
        errors.clear();
        logs.clear();
        raw.clear();
        message.set("");
    }

    /** Loads a payload that was over the size limit, off the FX thread, and shows it in place. */
    public void showAnyway(PayloadDoc doc) {
        RunRef run = selection.run();
        long gen = generation;
        message.set("Loading " + sizeText(doc.size()) + "…");
        runInBackground(() -> {
            PayloadDoc loaded;
            try {
                loaded = InspectorLoader.loadAnyway(run, doc);
            } catch (RuntimeException e) {
                fx.execute(() -> message.set("Could not load the payload: " + e.getMessage()));
                return;
            }
            fx.execute(() -> {
                if (gen != generation) {
                    return;
                }
                message.set("");
                if (input.get() == doc) {
                    input.set(loaded);
                }
                int i = outputs.indexOf(doc);
                if (i >= 0) {
                    outputs.set(i, loaded);
                }
            });
        });
    }

    /** Writes a payload as plain JSON (masked unless secrets are revealed), off the FX thread. */
    public void saveToFile(PayloadDoc doc, Path file) {
        RunRef run = selection.run();
        boolean reveal = revealSecrets.get();
        message.set("Saving to " + file.getFileName() + "…");
        runInBackground(() -> {
            String result;
            try {
                PayloadDoc full = doc.payload() != null ? doc : InspectorLoader.loadAnyway(run, doc);
                JsonNode json = full.payload() == null ? Json.nodes().nullNode() : full.payload().json();
                PrivateFiles.writeString(file, Json.pretty(reveal ? json : Masking.mask(json)));
                result = "Saved " + file.getFileName();
            } catch (IOException | RuntimeException e) {
                result = "Could not save " + file.getFileName() + ": " + e.getMessage();
            }
            String done = result;
            fx.execute(() -> message.set(done));
        });
    }

    /** A frame's text for the Raw tab: masked unless secrets are revealed. */
    public String rawText(RawItem item) {
        if (item.text() == null) {
            return "(" + sizeText(item.ref().length()) + " frame, not loaded)";
        }
        if (revealSecrets.get()) {
            return item.text();
        }
        try {
            JsonNode node = Json.parse(item.text());
            return node == null || !Masking.containsSecret(node) ? item.text() : Json.compact(Masking.mask(node));
        } catch (IOException | RuntimeException e) {
            return item.text();
        }
    }

    public static String sizeText(long chars) {
        if (chars >= 1_000_000) {
            return String.format("%.1f MB", chars / 1e6);
        }
        if (chars >= 1000) {
            return String.format("%.1f kB", chars / 1e3);
        }
        return chars + " bytes";
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty subtitleProperty() {
        return subtitle;
    }

    public ObjectProperty<PayloadDoc> inputProperty() {
        return input;
    }

    public ObservableList<PayloadDoc> outputs() {
        return outputs;
    }

    public ObservableList<ErrorItem> errors() {
        return errors;
    }

    public ObservableList<LogItem> logs() {
        return logs;
    }

    public ObservableList<RawItem> raw() {
        return raw;
    }

    public BooleanProperty revealSecretsProperty() {
        return revealSecrets;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Where the usual durations of a run's nodes come from (the overdue watch, which asks the history). */
    public void setUsual(Function<Run, Map<String, UsualDuration>> usual) {
        this.usual = usual;
        updateOverdue(Instant.now());
    }

    /**
     * Says whether the selected execution of a live run is running past its usual time ("Overdue:
     * 3.1× its usual time (running …; usual median …, 95% within …)"), else nothing. Called at each
     * evaluation of the overdue watch (once a second) and when the selection changes.
     */
    public void updateOverdue(Instant now) {
        RunRef run = selection.run();
        Execution exec = selection.execution();
        TrackedRun track = run == null ? null : model.track(run);
        Overdue o = track == null || exec == null || !track.feed().live() ? null
                : Overdue.of(exec, usual.apply(track.run()).get(exec.node()), now);
        overdue.set(o == null ? "" : o.detail());
    }

    /** The selected execution's overdue sentence, or empty. */
    public StringProperty overdueProperty() {
        return overdue;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Tab> preferredTabProperty() {
        return preferredTab;
    }
}
