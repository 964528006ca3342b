package dev.runlens.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds traces from run events: applies each event to its own {@link RunModel} (the rules the
 * summary and the window use) and keeps beside it what a trace shows and the model does not.
 * A run's spans are handed out once, when the run ends (or when the caller flushes the open ones).
 * Not thread-safe: one thread, or the caller's lock.
 */
public final class TraceCollector {
    private static final AttributeKey<String> LOG_LEVEL = AttributeKey.stringKey("runlens.log.level");
    private static final AttributeKey<String> LOG_MODULE = AttributeKey.stringKey("runlens.log.module");
    private static final AttributeKey<String> LOG_CONTENT = AttributeKey.stringKey("runlens.log.content");
    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

    private final RunModel model = new RunModel();
    private final Map<RunRef, RunNotes> notes = new HashMap<>();
    private final Set<RunRef> handedOut = new HashSet<>();
    private final PayloadPolicy payloads;

    public TraceCollector(PayloadPolicy payloads) {
        this.payloads = payloads;
    }

    /** Applies one event received at {@code receivedAt}; returns the spans of the run it ended, else none. */
    public List<SpanData> accept(RunEvent event, Instant receivedAt) {
        Run before = model.run(event.run());
        if (before != null && before.terminal()) {
            model.apply(event); // counted, as the summary counts it; the trace is already out
            return List.of();
        }
        RunModel.Change change = model.apply(event);
        RunNotes n = notes.computeIfAbsent(event.run(), r -> new RunNotes());
        n.received(receivedAt);
        Execution exec = change.execution();
        note(event, n, exec == null ? n.run() : n.execution(exec.index()), receivedAt);
        return change.run().terminal() ? handOut(change.run()) : List.of();
    }

    /** A Lyzr task-status answer (live), applied as the recorded {@code reconciled} line would be. */
    public List<SpanData> reconciled(RunRef run, String status, Map<String, JsonNode> results, Instant at) {
        JsonNode fields = Json.object()
                .put("source", run.source().id()).put("run_id", run.runId()).put("status", status)
                .set("results", Json.mapper().valueToTree(results));
        SessionMeta.reconcile(fields, at, model);
        Run r = model.run(run);
        return r != null && r.terminal() ? handOut(r) : List.of();
    }

    /** A Space Operator run that went quiet and that the server says is over, as the recorded {@code quiet_end} line ends it. */
    public List<SpanData> endedWithoutFinish(RunRef run, Instant at) {
        SessionMeta.applyToModel(SessionMeta.QUIET_END, Json.object().put("flow_run_id", run.runId()), at, model);
        Run r = model.run(run);
        return r != null && r.terminal() ? handOut(r) : List.of();
    }

    /** A meta line of a session log (gaps, reconciled answers). */
    public void meta(LogEntry.Meta meta) {
        SessionMeta.applyToModel(meta, model);
    }

    /** The spans of every run not handed out yet, one list per run in the model's order; unfinished runs stay unfinished. */
    public List<List<SpanData>> flushOpenByRun() {
        List<List<SpanData>> out = new ArrayList<>();
        for (Run r : model.runs()) {
            List<SpanData> spans = handOut(r);
            if (!spans.isEmpty()) {
                out.add(spans);
            }
        }
        return out;
    }

    public RunModel model() {
        return model;
    }

    private List<SpanData> handOut(Run run) {
        if (!handedOut.add(run.ref())) {
            return List.of();
        }
        RunNotes n = notes.remove(run.ref());
        return RunSpans.of(run, n != null ? n : new RunNotes(), payloads);
    }

    private void note(RunEvent event, RunNotes notes, RunNotes.Span span, Instant receivedAt) {
        switch (event) {
            case RunEvent.NodeLog e -> span.add(log(e.time(), receivedAt, e.level(), e.module(), e.content()));
            case RunEvent.FlowLog e -> span.add(log(e.time(), receivedAt, e.level(), e.module(), e.content()));
            case RunEvent.NodeError e -> span.add(exception(e.time(), receivedAt, e.kind(), e.message()));
            case RunEvent.FlowError e -> span.add(exception(e.time(), receivedAt, e.kind(), e.message()));
            case RunEvent.NodeStarted e -> {
                taskId(span, e.node());
                if (span.input == null) {
                    span.input = payloads.text(e.input());
                }
            }
            case RunEvent.NodeOutput e -> output(span, e.node(), payloads.text(e.output()));
            case RunEvent.NodeFinished e -> output(span, e.node(), payloads.text(e.output()));
            case RunEvent.FlowStarted _, RunEvent.FlowFinished _, RunEvent.SignatureRequest _, RunEvent.ApiInput _,
                 RunEvent.UnknownEvent _ -> {
            }
        }
        if (notes.run() != span && event.node() != null) {
            taskId(span, event.node());
        }
    }

    private static void taskId(RunNotes.Span span, NodeRef node) {
        if (span.taskId == null && node != null && node.taskId() != null) {
            span.taskId = node.taskId();
        }
    }

    /** The last output wins: a node's final output is what an operator looks for first. */
    private static void output(RunNotes.Span span, NodeRef node, String text) {
        taskId(span, node);
        if (text != null) {
            span.output = text;
        }
    }

    private static EventData log(Instant at, Instant received, String level, String module, String content) {
        AttributesBuilder a = Attributes.builder();
        if (level != null) {
            a.put(LOG_LEVEL, level);
        }
        if (module != null) {
            a.put(LOG_MODULE, module);
        }
        a.put(LOG_CONTENT, content == null ? "" : content);
        return RunNotes.event(at, received, "log", a.build());
    }

    private static EventData exception(Instant at, Instant received, String kind, String message) {
        // The semantic conventions' exception event: the event's name on the wire is the closest thing to a type.
        return RunNotes.event(at, received, "exception",
                Attributes.of(EXCEPTION_TYPE, kind, EXCEPTION_MESSAGE, message == null ? "" : message));
    }
}
