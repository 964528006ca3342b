package dev.runlens.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks decoded OTLP spans against a run of {@code summary --json}: ids, parents, times, statuses, not-run nodes. */
public final class TraceChecks {
    private TraceChecks() {
    }

    /** Asserts that {@code spans} hold exactly the trace of each run in {@code summary}; returns the spans checked. */
    public static int assertMatchesSummary(JsonNode summary, List<Span> spans) {
        int checked = 0;
        for (JsonNode run : summary.get("runs")) {
            RunRef ref = new RunRef(Source.ofId(run.get("source").asText()), run.get("run_id").asText());
            String traceId = TraceIds.traceId(ref);
            List<Span> trace = spans.stream().filter(s -> OtlpProto.hex(s.getTraceId()).equals(traceId)).toList();
            int expected = 1 + run.get("executions").size() + run.get("not_run").size();
            assertEquals(expected, trace.size(), "spans of run " + ref);
            Map<String, Span> byId = trace.stream().collect(Collectors.toMap(s -> OtlpProto.hex(s.getSpanId()), Function.identity()));
            Span root = byId.get(TraceIds.rootSpanId(ref));
            assertNotNull(root, "root span of " + ref);
            assertTrue(root.getParentSpanId().isEmpty(), "the root has no parent");
            assertEquals(ref.runId(), attribute(root, "runlens.run.id"));
            assertEquals(run.get("status").asText(), attribute(root, "runlens.run.status"));
            if (!run.get("started_at").isNull()) {
                assertTime(run.get("started_at"), root.getStartTimeUnixNano(), "run start");
            }
            assertTrue(root.getEndTimeUnixNano() >= root.getStartTimeUnixNano(), "the run does not end before it starts");
            if (!run.get("finished_at").isNull()) {
                assertTime(run.get("finished_at"), root.getEndTimeUnixNano(), "run end");
            }
            assertEquals(run.get("status").asText().equals("failed") ? Status.StatusCode.STATUS_CODE_ERROR
                    : Status.StatusCode.STATUS_CODE_OK, root.getStatus().getCode(), "run status");
            for (JsonNode e : run.get("executions")) {
                String node = e.get("node").asText();
                Span s = byId.get(TraceIds.executionSpanId(ref, node, e.get("times").asInt()));
                assertNotNull(s, "span of " + node + "#" + e.get("times"));
                assertEquals(OtlpProto.hex(root.getSpanId()), OtlpProto.hex(s.getParentSpanId()));
                assertEquals(node, s.getName());
                assertEquals(e.get("status").asText(), attribute(s, "runlens.execution.status"));
                assertEquals(e.get("outputs").asLong(), longAttribute(s, "runlens.node.outputs"));
                if (!e.get("started_at").isNull()) {
                    assertTime(e.get("started_at"), s.getStartTimeUnixNano(), node + " start");
                }
                if (!e.get("finished_at").isNull()) {
                    assertTime(e.get("finished_at"), s.getEndTimeUnixNano(), node + " end");
                }
                if (e.get("status").asText().equals("failed")) {
                    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, s.getStatus().getCode());
                    assertEquals(e.get("errors").get(0).asText(), s.getStatus().getMessage());
                    assertEquals(e.get("errors").size(), s.getEventsList().stream().filter(ev -> ev.getName().equals("exception")).count(),
                            "one exception event per error of " + node);
                }
                checked++;
            }
            for (JsonNode n : run.get("not_run")) {
                Span s = byId.get(TraceIds.notRunSpanId(ref, n.asText()));
                assertNotNull(s, "not-run span of " + n);
                assertEquals(s.getStartTimeUnixNano(), s.getEndTimeUnixNano(), "a node that did not run has no length");
                assertEquals(root.getEndTimeUnixNano(), s.getStartTimeUnixNano());
                assertTrue(s.getAttributesList().stream().anyMatch(kv -> kv.getKey().equals("runlens.execution.not_run")
                        && kv.getValue().getBoolValue()));
                checked++;
            }
            checked++;
        }
        return checked;
    }

    public static String attribute(Span s, String key) {
        return find(s, key).getValue().getStringValue();
    }

    public static long longAttribute(Span s, String key) {
        return find(s, key).getValue().getIntValue();
    }

    public static List<String> keys(Span s) {
        List<String> out = new ArrayList<>();
        s.getAttributesList().forEach(kv -> out.add(kv.getKey()));
        return out;
    }

    private static KeyValue find(Span s, String key) {
        return s.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no attribute " + key + " on span " + s.getName()));
    }

    private static void assertTime(JsonNode iso, long nanos, String what) {
        Instant t = Instant.parse(iso.asText());
        assertEquals(t.getEpochSecond() * 1_000_000_000L + t.getNano(), nanos, what);
    }
}
