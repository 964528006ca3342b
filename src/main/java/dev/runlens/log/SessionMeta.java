package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.model.Gap;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.value.ValueCodec;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The meta lines of a session log that carry state a reader needs: {@code subscribed}
 * ({@code stream_id}, {@code flow_run_id}) registers a v2 stream, {@code gap} ({@code source},
 * {@code run_id}, {@code from}, {@code to}, {@code reason}) marks a stretch that may miss events.
 * {@code reconciled} ({@code source}, {@code run_id}, {@code task_id}, {@code status},
 * {@code results}) is a Lyzr task-status answer fetched after a gap: every task named in
 * {@code results} completed, and a {@code completed}/{@code failed}/{@code error} status ends a run
 * whose terminal event was missed. {@code final_output} ({@code flow_run_id}, {@code output}) is
 * the output of a Space Operator run fetched over HTTP and becomes the run's output. Other kinds (connecting, authenticated, disconnected,
 * reconnecting, reconcile_failed...) are informational.
 */
public final class SessionMeta {
    public static final String SUBSCRIBED = "subscribed";
    public static final String GAP = "gap";
    public static final String RECONCILED = "reconciled";
    /** Space Operator's {@code /flow/output} answer for a run that was not found: {@code flow_run_id}, {@code output} (its JSON text). */
    public static final String FINAL_OUTPUT = "final_output";
    /**
     * A Space Operator run that went quiet without FlowFinish and that {@code /flow/output} said
     * was over ({@code flow_run_id}, {@code quiet_s}): it ends there, failed if it had errors.
     */
    public static final String QUIET_END = "quiet_end";

    private SessionMeta() {
    }

    /** What a meta line says, read once: the one place that knows the kinds and their fields. */
    public sealed interface Said {
    }

    /** A {@code subscribed} line: the v2 stream a run's events arrive on. */
    public record StreamSubscribed(long streamId, String flowRunId) implements Said {
    }

    /** A {@code gap} line: a stretch of a run that may miss events. */
    public record GapMarked(RunRef run, Gap gap) implements Said {
    }

    /**
     * What the connection learnt over HTTP about a run: a {@code reconciled} task-status answer, a
     * {@code final_output} or a {@code quiet_end}. {@link #applyToModel} applies it by its {@code kind}.
     */
    public record RunLearnt(String kind, RunRef run, JsonNode fields) implements Said {
    }

    /** Any other kind, or a line without the fields its kind needs: nothing for a reader to do. */
    public record Informational() implements Said {
    }

    /** Reads a meta line of {@code kind} with its {@code f}ields, written at {@code at}. */
    public static Said read(String kind, JsonNode f, Instant at) {
        return switch (kind == null ? "" : kind) {
            case SUBSCRIBED -> f.path("stream_id").canConvertToLong() && f.path("flow_run_id").isTextual()
                    ? new StreamSubscribed(f.get("stream_id").longValue(), f.get("flow_run_id").textValue()) : new Informational();
            case GAP -> sourced(f) instanceof RunRef run
                    ? new GapMarked(run, new Gap(instant(f.get("from"), at), instant(f.get("to"), at), f.path("reason").asText("")))
                    : new Informational();
            case RECONCILED -> sourced(f) instanceof RunRef run ? new RunLearnt(kind, run, f) : new Informational();
            case FINAL_OUTPUT, QUIET_END -> f.path("flow_run_id").asText(null) instanceof String runId
                    ? new RunLearnt(kind, new RunRef(Source.SPACE_OPERATOR, runId), f) : new Informational();
            default -> new Informational();
        };
    }

    public static Said read(LogEntry.Meta meta) {
        return read(meta.kind(), meta.fields(), meta.at());
    }

    public static void apply(LogEntry.Meta meta, FrameDecoder decoder, RunModel model) {
        register(meta, decoder);
        applyToModel(meta, model);
    }

    /** The decoder's part of {@link #apply}: a {@code subscribed} line registers its v2 stream. */
    public static void register(LogEntry.Meta meta, FrameDecoder decoder) {
        if (read(meta) instanceof StreamSubscribed s) {
            decoder.registerStream(s.streamId(), s.flowRunId());
        }
    }

    /** The model's part of {@link #apply}: gaps, reconciled task-status answers and fetched final outputs. */
    public static void applyToModel(LogEntry.Meta meta, RunModel model) {
        applyToModel(meta.kind(), meta.fields(), meta.at(), model);
    }

    /** As above, for a meta line's {@code kind} and {@code f}ields received at {@code at}. */
    public static void applyToModel(String kind, JsonNode f, Instant at, RunModel model) {
        switch (read(kind, f, at)) {
            case GapMarked g -> model.markGap(g.run(), g.gap());
            case RunLearnt l when QUIET_END.equals(l.kind()) -> model.reconcileEnd(l.run(), false, null, at);
            case RunLearnt l when FINAL_OUTPUT.equals(l.kind()) -> finalOutput(l.run(), f, model);
            case RunLearnt _ -> reconcile(f, at, model);
            case StreamSubscribed _, Informational _ -> { }
        }
    }

    private static RunRef sourced(JsonNode f) {
        Source source = Source.ofId(f.path("source").asText());
        String runId = f.path("run_id").asText(null);
        return source == null || runId == null ? null : new RunRef(source, runId);
    }

    /** Applies a task-status answer (the fields of a {@code reconciled} line) to the model. */
    public static void reconcile(JsonNode f, Instant at, RunModel model) {
        RunRef ref = sourced(f);
        if (ref == null) {
            return;
        }
        JsonNode results = f.path("results");
        if (results.isObject()) {
            results.fieldNames().forEachRemaining(task -> model.reconcile(ref, task, at));
        }
        String status = f.path("status").asText("");
        if (status.equals("completed")) {
            model.reconcileEnd(ref, false, results.isObject() ? results : null, at);
        } else if (status.equals("failed") || status.equals("error")) {
            model.reconcileEnd(ref, true, null, at);
        }
    }

    /**
     * The output fetched over HTTP for a run the server no longer streamed becomes the run's output
     * (a tagged Space Operator value, shown in its plain form like a FlowFinish output).
     */
    private static void finalOutput(RunRef run, JsonNode f, RunModel model) {
        JsonNode output = f.get("output");
        if (output == null || output.isNull()) {
            return;
        }
        JsonNode value = output;
        if (output.isTextual()) {
            try {
                value = Json.parse(output.textValue());
            } catch (java.io.IOException e) {
                return;  // not JSON: nothing to show as an output
            }
        }
        model.finalOutput(run, ValueCodec.toPlain(value));
    }

    /** The RFC 3339 text {@code n} holds as an Instant, else {@code fallback}. */
    static Instant instant(JsonNode n, Instant fallback) {
        if (n != null && n.isTextual()) {
            try {
                return Instant.parse(n.textValue());
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
