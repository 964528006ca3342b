package dev.runlens.ui.act;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.FlowInputs;
import dev.runlens.act.InputWait;
import dev.runlens.act.LastInputs;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.act.StartedRun;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.dashboard.Batch;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.connect.InsecureTokenQuestion;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.json.Json;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.stage.Window;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Acting on runs from the window: start a flow, run one again, stop the selected run, answer its
 * input. HTTP calls run on a background thread; their outcome comes back once to the FX thread.
 * A failure is one sentence in the window (the banner) and on stderr; nothing is half done. The
 * runs waiting for input and those asked to stop are tracked from the model's batches.
 */
public final class RunActions {
    static final String WAITING_PREFIX = "waiting for a value at ";
    static final String WAITING_TITLE = "Waiting for input";

    private final ActionHost host;
    private final DashboardModel model;
    private final Selection selection;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final BiConsumer<String, String> banner;
    private final Consumer<String> clearBanner;
    private final Supplier<Window> owner;
    private final LastInputs last;
    private final ObservableMap<RunRef, InputWait> waiting = FXCollections.observableHashMap();
    private final ObservableSet<RunRef> stopRequested = FXCollections.observableSet();
    /** Runs started from this window, by run id. */
    private final Map<String, StartedRun> startedHere = new java.util.HashMap<>();
    private final LyzrStarter lyzrStarter;
    /** The Lyzr API last posted to from this window (the Start dialog's next default). */
    private String lastLyzrApi;

    public RunActions(ActionHost host, DashboardModel model, Selection selection, Executor background, Consumer<Runnable> fx,
                      BiConsumer<String, String> banner, Consumer<String> clearBanner, Supplier<Window> owner, LastInputs last) {
        this.host = host;
        this.model = model;
        this.selection = selection;
        this.background = background;
        this.fx = fx;
        this.banner = banner;
        this.clearBanner = clearBanner;
        this.owner = owner;
        this.last = last;
        this.lyzrStarter = new LyzrStarter(host, background, fx, api -> new InsecureTokenQuestion(owner.get(), api, "the Lyzr API key")
                .showAndWait().filter(b -> b == InsecureTokenQuestion.SEND_ANYWAY).isPresent(), new LyzrStarter.Outcome() {
                    @Override
                    public void status(String text) {
                        // the window says what started or failed in its banner; the command line prints this
                    }

                    @Override
                    public void started(StartedRun run, String sentence) {
                        startedHere.put(run.runId(), run);
                        banner.accept("Started", sentence);
                    }

                    @Override
                    public void failed(String sentence) {
                        fail(sentence);
                    }
                });
        model.addListener(this::applied);
    }

    /**
     * Runs tracked from each batch: a new ApiInput makes a run wait; any later event of the run (the
     * input was answered, here or elsewhere) or its end means it waits no more, and the banner goes
     * once no run waits.
     */
    private void applied(Batch batch) {
        // Also when the wait began and ended in this one batch (a quick answer): the banner went up all the same.
        boolean someWaited = !waiting.isEmpty();
        for (Map.Entry<RunRef, java.util.List<EventRow>> e : batch.newRows().entrySet()) {
            for (EventRow row : e.getValue()) {
                if (!"ApiInput".equals(row.kind())) {
                    waiting.remove(e.getKey());
                } else if (row.summary() != null && row.summary().startsWith(WAITING_PREFIX) && live(e.getKey())) {
                    // The model has applied the batch: the executions running now are those running at the event.
                    InputWait wait = InputWait.attribute(model.runModel().run(e.getKey()), row.summary().substring(WAITING_PREFIX.length()));
                    if (waiting.put(e.getKey(), wait) == null) {
                        someWaited = true;
                        banner.accept(WAITING_TITLE, "Run " + e.getKey().runId()
                                + " waits for a value: Run → Answer the selected run's input… (Ctrl+Shift+I), or its context menu.");
                    }
                }
            }
        }
        for (Run r : batch.endedRuns()) {
            waiting.remove(r.ref());
            if (stopRequested.remove(r.ref())) {
                banner.accept("Stopped", "Run " + r.ref().runId() + " ended after the stop request ("
                        + r.status().name().toLowerCase(java.util.Locale.ROOT) + ").");
            }
        }
        if (someWaited && waiting.isEmpty()) {
            clearBanner.accept(WAITING_TITLE);
        }
    }

    /** A run fed by a live connection: a replayed run's input was answered long ago, or never will be. */
    private boolean live(RunRef ref) {
        var tracked = model.track(ref);
        return tracked != null && tracked.feed() != null && tracked.feed().live();
    }

    /** Start a flow: the dialog, then {@code POST /flow/start} (the run is subscribed on the open connection) or Lyzr's run-dag. */
    public void startFlow() {
        openStart(new StartFlowViewModel(last), lyzrForm(), false);
    }

    /** Start the selected run's flow again with the inputs (or Lyzr workflow) it was started with, when the recording says. */
    public void runAgain() {
        RunRef run = selection.run();
        StartFlowViewModel vm = new StartFlowViewModel(last);
        LyzrStartViewModel lyzr = lyzrForm();
        boolean isLyzr = run != null && run.source() == Source.LYZR;
        StartedRun started = run == null ? null : startedRun(run.runId());
        if (started != null && started.flowId() != null) {
            vm.formProperty().set(FlowInputs.Form.TAGGED);
            vm.textProperty().set(started.inputs() == null ? "" : Json.pretty(parseOrEmpty(started.inputs())));
            vm.flowIdProperty().set(started.flowId());
            vm.noteProperty().set("Run again: the flow and the inputs run " + run.runId() + " was started with (from its recording).");
        } else if (started != null && started.workflowObject() != null) {
            lyzr.recordedProperty().set(started.workflowObject());
            vm.noteProperty().set("Run again: the Lyzr workflow run " + run.runId() + " was started with (from its recording).");
        } else {
            vm.noteProperty().set("The inputs of run " + (run == null ? "(none selected)" : run.runId()) + " are not known: "
                    + "Runlens did not start it, so its recording has no run_started line. Enter the "
                    + (isLyzr ? "workflow." : "flow and its inputs."));
        }
        openStart(vm, lyzr, isLyzr);
    }

    private LyzrStartViewModel lyzrForm() {
        LyzrStartViewModel vm = new LyzrStartViewModel();
        if (lastLyzrApi != null) {
            vm.apiProperty().set(lastLyzrApi);
        }
        return vm;
    }

    private void openStart(StartFlowViewModel vm, LyzrStartViewModel lyzr, boolean lyzrFirst) {
        new StartFlowDialog(owner.get(), vm, lyzr, lyzrFirst).showAndWait().ifPresent(choice -> {
            switch (choice) {
                case StartFlowDialog.Choice.SpaceOperator(var request) -> startSpaceOperator(request);
                case StartFlowDialog.Choice.Lyzr(var request) -> {
                    lastLyzrApi = request.api().toString();
                    lyzrStarter.start(request);
                }
            }
        });
    }

    private void startSpaceOperator(StartFlowViewModel.Request request) {
        SpaceOperatorApi api = host.spaceOperator();
        if (api == null) {
            fail("Starting a Space Operator flow needs an open Space Operator connection: connect first (File → Connect to a server…).");
            return;
        }
        background.execute(() -> {
            try {
                String runId = api.start(request.flowId(), request.inputs());
                StartedRun started = StartedRun.spaceOperator(runId, request.flowId(), FlowInputs.taggedCompact(request.inputs()));
                remember(request);
                fx.accept(() -> {
                    startedHere.put(runId, started);
                    host.subscribe(runId);
                    host.noteStarted(started);
                    banner.accept("Started", "Run " + runId + " of flow " + request.flowId() + " started; it appears with its first event.");
                });
            } catch (ActionFailure f) {
                fx.accept(() -> fail(f.sentence()));
            }
        });
    }

    private void remember(StartFlowViewModel.Request request) {
        try {
            last.remember(request.flowId(), request.typed());
        } catch (IOException e) {
            System.err.println("runlens: could not remember the inputs of flow " + request.flowId() + " (" + e.getMessage() + ")");
        }
    }

    /** Stop the selected run, after a confirmation that names it. */
    public void stopSelected() {
        RunRef run = selection.run();
        if (run == null || run.source() == Source.LYZR) {
            fail(run == null ? "Select the run to stop first." : "Lyzr has no stop request: only Space Operator runs can be stopped.");
            return;
        }
        Run known = model.runModel().run(run);
        if (known != null && known.terminal()) {
            fail("Run " + run.runId() + " has already ended: there is nothing to stop.");
            return;
        }
        if (stopRequested.contains(run)) {
            fail("Run " + run.runId() + ": a stop was already requested; it ends when its events say so.");
            return;
        }
        SpaceOperatorApi api = host.spaceOperator();
        if (api == null) {
            fail("Stopping needs an open Space Operator connection to the run's server.");
            return;
        }
        new StopRunDialog(owner.get(), shortId(run.runId()), run.runId()).showAndWait().ifPresent(reason -> {
            stopRequested.add(run);
            background.execute(() -> {
                try {
                    api.stop(run.runId(), reason.isEmpty() ? null : reason);
                    fx.accept(() -> banner.accept("Stop requested", "Run " + run.runId() + ": stop requested; waiting for its events to say it ended."));
                } catch (ActionFailure f) {
                    fx.accept(() -> {
                        stopRequested.remove(run);
                        fail(f.sentence());
                    });
                }
            });
        });
    }

    /** Answer (or cancel) the input the selected run waits for. */
    public void answerInput() {
        RunRef run = selection.run();
        InputWait wait = run == null ? null : waiting.get(run);
        if (wait == null) {
            fail("The selected run is not waiting for input.");
            return;
        }
        new AnswerInputDialog(owner.get(), shortId(run.runId()), wait.url()).showAndWait().ifPresent(choice -> answer(run, choice, s -> { }));
    }

    /**
     * Sends {@code choice} for the input {@code run} waits on: {@code POST} the value or {@code DELETE}
     * the input. Success takes the wait away; a failure is one sentence (banner, stderr, {@code failed}).
     */
    public void answer(RunRef run, AnswerInputDialog.Choice choice, Consumer<String> failed) {
        InputWait wait = waiting.get(run);
        SpaceOperatorApi api = host.spaceOperator();
        if (wait == null || api == null) {
            String sentence = wait == null ? "Run " + run.runId() + " is not waiting for input." : "Answering needs an open Space Operator connection.";
            fail(sentence);
            failed.accept(sentence);
            return;
        }
        String url = wait.url();
        background.execute(() -> {
            try {
                URI u = URI.create(url);
                if (choice instanceof AnswerInputDialog.Choice.Send(var value)) {
                    api.answer(u, value);
                } else {
                    api.cancel(u);
                }
                fx.accept(() -> {
                    waiting.remove(run);
                    banner.accept(choice instanceof AnswerInputDialog.Choice.Send ? "Input answered" : "Input cancelled", "Run " + run.runId() + " goes on.");
                });
            } catch (ActionFailure f) {
                fx.accept(() -> {
                    fail(f.sentence());
                    failed.accept(f.sentence());
                });
            } catch (IllegalArgumentException e) {
                String sentence = "The input's URL " + url + " is not a valid URL, so nothing was sent.";
                fx.accept(() -> {
                    fail(sentence);
                    failed.accept(sentence);
                });
            }
        });
    }

    private StartedRun startedRun(String runId) {
        StartedRun here = startedHere.get(runId);
        if (here != null) {
            return here; // its run_started line may still be on its way to the file
        }
        for (Path p : host.recordings()) {
            StartedRun s = StartedRun.readAll(p).get(runId);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static com.fasterxml.jackson.databind.JsonNode parseOrEmpty(String json) {
        try {
            var n = Json.parse(json);
            return n == null || !n.isObject() ? Json.object() : n;
        } catch (IOException e) {
            return Json.object();
        }
    }

    private void fail(String sentence) {
        banner.accept("Action failed", sentence);
        System.err.println("runlens: " + sentence);
    }

    static String shortId(String id) {
        return id.length() > 13 ? id.substring(0, 8) + "…" : id;
    }

    /** Whether the selected run waits for input (the menus enable "Answer input…" with it). */
    public BooleanBinding selectedWaits() {
        return Bindings.createBooleanBinding(() -> selection.run() != null && waiting.containsKey(selection.run()),
                selection.runProperty(), waiting);
    }

    public ObservableSet<RunRef> stopRequested() {
        return stopRequested;
    }

    /** The runs waiting for input, with who waits and where to answer. */
    public ObservableMap<RunRef, InputWait> waiting() {
        return waiting;
    }
}
