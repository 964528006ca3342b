package dev.runlens.otlp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtlpEndpointTest {

    @Test
    void collectorBaseGetsTheTracesPathAndAFullUrlIsKept() {
        assertEquals("http://localhost:4318/v1/traces", OtlpEndpoint.tracesUrl("http://localhost:4318").toString());
        assertEquals("http://localhost:4318/v1/traces", OtlpEndpoint.tracesUrl("http://localhost:4318/").toString());
        assertEquals("https://otlp.example.com/otlp/v1/traces", OtlpEndpoint.tracesUrl("https://otlp.example.com/otlp/v1/traces").toString());
    }

    @Test
    void anythingButHttpIsRefusedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OtlpEndpoint.tracesUrl("localhost:4317"));
        assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OtlpEndpoint.tracesUrl("grpc://localhost:4317"));
        assertThrows(IllegalArgumentException.class, () -> OtlpEndpoint.tracesUrl("http://exa mple"));
    }

    @Test
    void headersAreReadAsTheSdksReadOtelExporterOtlpHeaders() {
        assertEquals(Map.of("Authorization", "Bearer a b", "x-honeycomb-team", "k=1"),
                OtlpEndpoint.parseHeaders("Authorization=Bearer%20a%20b, x-honeycomb-team=k=1"));
        assertEquals(Map.of(), OtlpEndpoint.parseHeaders(null));
        assertEquals(Map.of(), OtlpEndpoint.parseHeaders(" "));
        assertThrows(IllegalArgumentException.class, () -> OtlpEndpoint.parseHeaders("just-a-key"));
    }

    @Test
    void traceIdsDependOnTheRunOnly() {
        var a = new dev.runlens.protocol.RunRef(dev.runlens.protocol.Source.SPACE_OPERATOR, "r-1");
        var b = new dev.runlens.protocol.RunRef(dev.runlens.protocol.Source.SPACE_OPERATOR, "r-2");
        assertEquals(TraceIds.traceId(a), TraceIds.traceId(new dev.runlens.protocol.RunRef(a.source(), "r-1")));
        assertEquals(32, TraceIds.traceId(a).length());
        assertEquals(16, TraceIds.rootSpanId(a).length());
        assertTrue(!TraceIds.traceId(a).equals(TraceIds.traceId(b)));
        assertTrue(!TraceIds.executionSpanId(a, "n", 0).equals(TraceIds.executionSpanId(a, "n", 1)));
    }
}
