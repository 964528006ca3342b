package dev.runlens.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.Fixtures;
import dev.runlens.json.Json;
import dev.runlens.ui.TestData;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtlpJsonExportTest {

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    private static String export(List<Path> inputs, PayloadPolicy payloads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OtlpJsonExport.write(inputs, payloads, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Span> parse(String json) throws Exception {
        List<Span> spans = new ArrayList<>();
        for (String line : json.split("\n")) {
            ExportTraceServiceRequest request = OtlpProto.parseJsonLine(line);
            assertEquals("runlens", request.getResourceSpans(0).getResource().getAttributesList().stream()
                    .filter(kv -> kv.getKey().equals("service.name")).findFirst().orElseThrow().getValue().getStringValue());
            spans.addAll(OtlpProto.spans(request));
        }
        return spans;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureParsesAsExportTraceServiceRequestsMatchingItsSummary(String name) throws Exception {
        String json = export(List.of(Fixtures.log(name)), PayloadPolicy.NONE);
        JsonNode summary = Json.parse(Fixtures.expectedSummary(name));
        assertEquals(summary.get("runs").size(), json.split("\n").length, "one line per run");
        List<Span> spans = parse(json);
        int checked = TraceChecks.assertMatchesSummary(summary, spans);
        assertEquals(spans.size(), checked, "no span beyond the runs' traces");
        for (Span s : spans) {
            assertFalse(TraceChecks.keys(s).contains("runlens.node.input"), "no payloads without --payloads");
        }
    }

    @Test
    void exportingTwiceGivesTheSameTrace() throws Exception {
        List<Path> all = Fixtures.NAMES.stream().map(Fixtures::log).toList();
        assertEquals(export(all, PayloadPolicy.NONE), export(all, PayloadPolicy.NONE));
    }

    @Test
    void payloadsAreMaskedAndCutWhenAskedFor() throws Exception {
        String json = export(List.of(Fixtures.log("lyzr-docs-sample")), new PayloadPolicy(true, 60));
        List<Span> spans = parse(json);
        Span analyzer = spans.stream().filter(s -> s.getName().equals("sentiment_analyzer")).findFirst().orElseThrow();
        String input = TraceChecks.attribute(analyzer, "runlens.node.input");
        assertFalse(input.contains("sk-prod-sentiment-key"), input);
        assertTrue(input.contains("••••••"), input);
        assertEquals(61, input.length(), "60 characters and the ellipsis: " + input);
        assertEquals("b29aa07f-9341-4ac5-9160-4f7e1f594654", TraceChecks.attribute(analyzer, "runlens.lyzr.task_id"));
    }

    @Test
    void nodeLogsBecomeSpanEventsAndAnUnfinishedRunStaysUnfinished(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("loops.jsonl");
        Files.write(log, TestData.v2Run("run-loops", 3, false));
        List<Span> spans = parse(export(List.of(log), PayloadPolicy.NONE));
        List<Span.Event> logs = spans.stream().flatMap(s -> s.getEventsList().stream()).filter(e -> e.getName().equals("log")).toList();
        assertEquals(3, logs.size());
        assertEquals("iteration 0", logs.get(0).getAttributesList().stream().filter(kv -> kv.getKey().equals("runlens.log.content"))
                .findFirst().orElseThrow().getValue().getStringValue());
        Span root = spans.stream().filter(s -> s.getParentSpanId().isEmpty()).findFirst().orElseThrow();
        assertEquals("running", TraceChecks.attribute(root, "runlens.run.status"));
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, root.getStatus().getCode());
        for (Span s : spans) {
            assertTrue(s.getEndTimeUnixNano() >= s.getStartTimeUnixNano(), "no span ends before it starts: " + s.getName());
        }
    }
}
