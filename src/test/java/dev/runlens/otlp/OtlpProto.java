package dev.runlens.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import dev.runlens.json.Json;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OTLP/JSON with the official protobuf classes. OTLP/JSON differs from protobuf's JSON
 * mapping in one point (the specification's "JSON Protobuf Encoding"): trace and span ids are hex,
 * not base64; they are turned into base64 here and everything else is left to {@link JsonFormat},
 * which rejects unknown fields.
 */
public final class OtlpProto {
    private static final Set<String> IDS = Set.of("traceId", "spanId", "parentSpanId");

    private OtlpProto() {
    }

    public static ExportTraceServiceRequest parseJsonLine(String line) throws Exception {
        JsonNode tree = Json.parse(line);
        hexIdsToBase64(tree);
        ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(Json.compact(tree), b);
        return b.build();
    }

    public static List<Span> spans(ExportTraceServiceRequest request) {
        List<Span> out = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                out.addAll(ss.getSpansList());
            }
        }
        return out;
    }

    public static String hex(com.google.protobuf.ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    private static void hexIdsToBase64(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<String> ids = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (IDS.contains(e.getKey()) && e.getValue().isTextual()) {
                    ids.add(e.getKey());
                } else {
                    hexIdsToBase64(e.getValue());
                }
            }
            for (String k : ids) {
                byte[] bytes = HexFormat.of().parseHex(o.get(k).textValue());
                o.put(k, Base64.getEncoder().encodeToString(bytes));
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode n : a) {
                hexIdsToBase64(n);
            }
        }
    }
}
