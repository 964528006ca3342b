package dev.runlens.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.model.Gap;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The meta lines of a session log that carry state a reader needs: {@code subscribed}
 * ({@code stream_id}, {@code flow_run_id}) registers a v2 stream, {@code gap} ({@code source},
 * {@code run_id}, {@code from}, {@code to}, {@code reason}) marks a stretch that may miss events.
 * Other kinds (connecting, authenticated, disconnected, reconnecting...) are informational.
 */
public final class SessionMeta {
    public static final String SUBSCRIBED = "subscribed";
    public static final String GAP = "gap";

    private SessionMeta() {
    }

    public static void apply(LogEntry.Meta meta, FrameDecoder decoder, RunModel model) {
        JsonNode f = meta.fields();
        if (SUBSCRIBED.equals(meta.kind()) && f.path("stream_id").canConvertToLong() && f.path("flow_run_id").isTextual()) {
            decoder.registerStream(f.get("stream_id").longValue(), f.get("flow_run_id").textValue());
        } else if (GAP.equals(meta.kind())) {
            Source source = Source.ofId(f.path("source").asText());
            String runId = f.path("run_id").asText(null);
            if (source != null && runId != null) {
                model.markGap(new RunRef(source, runId),
                        new Gap(instant(f.get("from"), meta.at()), instant(f.get("to"), meta.at()), f.path("reason").asText("")));
            }
        }
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
