package dev.runlens.otlp;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The mapping of one run to a trace: the run is the root span, each execution (node, times) a
 * child span, each node that did not run a zero-length child marked {@code runlens.execution.not_run}.
 * Names follow the OpenTelemetry conventions where one applies ({@code service.name},
 * {@code exception.*}); the rest are under {@code runlens.}.
 */
public final class RunSpans {
    static final AttributeKey<String> PROTOCOL = AttributeKey.stringKey("runlens.protocol");
    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("runlens.run.id");
    static final AttributeKey<String> RUN_STATUS = AttributeKey.stringKey("runlens.run.status");
    static final AttributeKey<Long> RUN_EVENTS = AttributeKey.longKey("runlens.run.events");
    static final AttributeKey<Long> RUN_GAPS = AttributeKey.longKey("runlens.run.gaps");
    static final AttributeKey<List<String>> RUN_NOT_RUN = AttributeKey.stringArrayKey("runlens.run.not_run");
    static final AttributeKey<String> RUN_OUTPUT = AttributeKey.stringKey("runlens.run.output");
    static final AttributeKey<String> NODE_ID = AttributeKey.stringKey("runlens.node.id");
    static final AttributeKey<String> NODE_NAME = AttributeKey.stringKey("runlens.node.name");
    static final AttributeKey<Long> TIMES = AttributeKey.longKey("runlens.node.times");
    static final AttributeKey<Long> OUTPUTS = AttributeKey.longKey("runlens.node.outputs");
    static final AttributeKey<String> INPUT = AttributeKey.stringKey("runlens.node.input");
    static final AttributeKey<String> OUTPUT = AttributeKey.stringKey("runlens.node.output");
    static final AttributeKey<String> EXEC_STATUS = AttributeKey.stringKey("runlens.execution.status");
    static final AttributeKey<Boolean> NOT_RUN = AttributeKey.booleanKey("runlens.execution.not_run");
    static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("runlens.lyzr.task_id");
    static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("runlens.lyzr.task_name");

    private RunSpans() {
    }

    /** The run's spans, root first, then executions in creation order, then nodes that did not run. */
    static List<SpanData> of(Run run, RunNotes notes, PayloadPolicy payloads) {
        RunRef ref = run.ref();
        String traceId = TraceIds.traceId(ref);
        SpanContext root = RunSpan.context(traceId, TraceIds.rootSpanId(ref));
        Instant runStart = SpanTimes.first(run.startedAt(), firstExecutionStart(run), run.lastEventTime(), notes.firstReceived);
        Instant runEnd = run.terminal() ? run.finishedAt() : SpanTimes.first(run.lastEventTime(), notes.lastReceived, runStart);
        long start = SpanTimes.nanos(runStart);
        long end = SpanTimes.end(start, runEnd);

        List<SpanData> spans = new ArrayList<>(run.executions().size() + run.notRun().size() + 1);
        spans.add(rootSpan(run, notes, payloads, root, start, end));
        run.executions().forEach(e -> spans.add(executionSpan(run, e, notes.executionOrNull(e.index()), root, runEnd)));
        for (String node : run.notRun()) {
            Attributes a = nodeAttributes(ref, node).put(EXEC_STATUS, "not_run").put(NOT_RUN, true).build();
            spans.add(new RunSpan(node, RunSpan.context(traceId, TraceIds.notRunSpanId(ref, node)), root, StatusData.unset(),
                    end, end, a, List.of(), 0));
        }
        return spans;
    }

    private static SpanData rootSpan(Run run, RunNotes notes, PayloadPolicy payloads, SpanContext root, long start, long end) {
        RunRef ref = run.ref();
        AttributesBuilder a = Attributes.builder()
                .put(PROTOCOL, ref.source().id())
                .put(RUN_ID, ref.runId())
                .put(RUN_STATUS, run.status().id())
                .put(RUN_EVENTS, run.events());
        if (!run.gaps().isEmpty()) {
            a.put(RUN_GAPS, run.gaps().size());
        }
        if (!run.notRun().isEmpty()) {
            a.put(RUN_NOT_RUN, run.notRun());
        }
        String output = payloads.text(run.output());
        if (output != null) {
            a.put(RUN_OUTPUT, output);
        }
        StatusData status = switch (run.status()) {
            case SUCCEEDED -> StatusData.ok();
            case FAILED -> StatusData.create(StatusCode.ERROR, firstError(run));
            case RUNNING -> StatusData.unset();
        };
        RunNotes.Span n = notes.run();
        return new RunSpan(rootName(ref), root, SpanContext.getInvalid(), status, start, end, a.build(), n.events, n.recordedEvents);
    }

    private static SpanData executionSpan(Run run, Execution e, RunNotes.Span n, SpanContext root, Instant runEnd) {
        RunRef ref = run.ref();
        Instant startAt = SpanTimes.first(e.startedAt(), e.finishedAt(), run.startedAt(), runEnd);
        long start = SpanTimes.nanos(startAt);
        // An execution that never finished lasts until the run ended (or its last event, while it runs).
        long end = SpanTimes.end(start, e.finished() ? e.finishedAt() : runEnd);
        AttributesBuilder a = nodeAttributes(ref, e.node())
                .put(TIMES, e.times())
                .put(OUTPUTS, e.outputs())
                .put(EXEC_STATUS, e.status().id());
        if (n != null) {
            if (n.taskId != null) {
                a.put(TASK_ID, n.taskId);
            }
            if (n.input != null) {
                a.put(INPUT, n.input);
            }
            if (n.output != null) {
                a.put(OUTPUT, n.output);
            }
        }
        StatusData status = switch (e.status()) {
            case SUCCEEDED -> StatusData.ok();
            case FAILED -> StatusData.create(StatusCode.ERROR, e.errors().isEmpty() ? "failed" : e.errors().get(0));
            case RUNNING, INTERRUPTED -> StatusData.unset();
        };
        SpanContext context = RunSpan.context(root.getTraceId(), TraceIds.executionSpanId(ref, e.node(), e.times()));
        return new RunSpan(e.node(), context, root, status, start, end, a.build(),
                n == null ? List.of() : n.events, n == null ? 0 : n.recordedEvents);
    }

    private static AttributesBuilder nodeAttributes(RunRef ref, String node) {
        AttributesBuilder a = Attributes.builder().put(PROTOCOL, ref.source().id()).put(NODE_ID, node);
        if (ref.source() == Source.LYZR) {
            // Lyzr names its tasks; the name is also the node's id in the run model.
            a.put(NODE_NAME, node).put(TASK_NAME, node);
        }
        return a;
    }

    /** Lyzr: the flow's name ("flow/run" ids); Space Operator: a fixed name, since run ids are unique. */
    static String rootName(RunRef ref) {
        if (ref.source() == Source.LYZR) {
            int slash = ref.runId().indexOf('/');
            return slash > 0 ? ref.runId().substring(0, slash) : ref.runId();
        }
        return "flow run";
    }

    private static String firstError(Run run) {
        if (!run.errors().isEmpty()) {
            return run.errors().get(0).message();
        }
        Execution failed = run.firstFailedExecution();
        return failed != null && !failed.errors().isEmpty() ? failed.errors().get(0) : "failed";
    }

    private static Instant firstExecutionStart(Run run) {
        return run.executions().stream().map(Execution::startedAt).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
