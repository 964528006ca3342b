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

    public static void apply(LogEntry.Meta meta, FrameDecoder decoder, RunModel model) {
        register(meta, decoder);
        applyToModel(meta, model);
    }

    /** The decoder's part of {@link #apply}: a {@code subscribed} line registers its v2 stream. */
    public static void register(LogEntry.Meta meta, FrameDecoder decoder) {
        JsonNode f = meta.fields();
        if (SUBSCRIBED.equals(meta.kind()) && f.path("stream_id").canConvertToLong() && f.path("flow_run_id").isTextual()) {
            decoder.registerStream(f.get("stream_id").longValue(), f.get("flow_run_id").textValue());
        }
    }

    /** The model's part of {@link #apply}: gaps, reconciled task-status answers and fetched final outputs. */
    public static void applyToModel(LogEntry.Meta meta, RunModel model) {
        applyToModel(meta.kind(), meta.fields(), meta.at(), model);
    }

    /** As above, for a meta line's {@code kind} and {@code f}ields received at {@code at}. */
    public static void applyToModel(String kind, JsonNode f, Instant at, RunModel model) {
        if (FINAL_OUTPUT.equals(kind)) {
            finalOutput(f, model);
            return;
        }
        if (QUIET_END.equals(kind)) {
            String runId = f.path("flow_run_id").asText(null);
            if (runId != null) {
                model.reconcileEnd(new RunRef(Source.SPACE_OPERATOR, runId), false, null, at);
            }
            return;
        }
        LogEntry.Meta meta = new LogEntry.Meta(at, kind, f);
        if (GAP.equals(meta.kind())) {
            Source source = Source.ofId(f.path("source").asText());
            String runId = f.path("run_id").asText(null);
            if (source != null && runId != null) {
                model.markGap(new RunRef(source, runId),
                        new Gap(instant(f.get("from"), meta.at()), instant(f.get("to"), meta.at()), f.path("reason").asText("")));
            }
        } else if (RECONCILED.equals(meta.kind())) {
            reconcile(f, meta.at(), model);
        }
    }

    /** Applies a task-status answer (the fields of a {@code reconciled} line) to the model. */
    public static void reconcile(JsonNode f, Instant at, RunModel model) {
        Source source = Source.ofId(f.path("source").asText());
        String runId = f.path("run_id").asText(null);
        if (source == null || runId == null) {
            return;
        }
        RunRef ref = new RunRef(source, runId);
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
    private static void finalOutput(JsonNode f, RunModel model) {
        String runId = f.path("flow_run_id").asText(null);
        JsonNode output = f.get("output");
        if (runId == null || output == null || output.isNull()) {
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
        model.finalOutput(new RunRef(Source.SPACE_OPERATOR, runId), ValueCodec.toPlain(value));
    }

    private static Instant instant(JsonNode n, Instant fallback) {
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
