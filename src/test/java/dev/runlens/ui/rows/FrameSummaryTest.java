package dev.runlens.ui.rows;

import dev.runlens.json.Json;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.Payload;
import dev.runlens.protocol.ProtocolEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event log's one-line outline of a payload, read without building a tree. */
class FrameSummaryTest {

    @Test
    void taggedPayloadsShowTheirMapKeysOrTheirTag() throws Exception {
        assertEquals("{a, b}", FrameSummary.shape(Payload.tagged(Json.parse("{\"M\":{\"a\":{\"S\":\"x\"},\"b\":{\"A\":[{\"U\":\"1\"}]}}}"))));
        assertEquals("U1", FrameSummary.shape(Payload.tagged(Json.parse("{\"U1\":\"340282366920938463463374607431768211455\"}"))));
        assertEquals("M", FrameSummary.shape(Payload.tagged(Json.parse("{\"M\":5}"))));
        assertEquals("{}", FrameSummary.shape(Payload.tagged(Json.parse("{\"M\":{}}"))));
        assertEquals("{M, extra}", FrameSummary.shape(Payload.tagged(Json.parse("{\"M\":{\"a\":1},\"extra\":true}"))));
    }

    @Test
    void plainPayloadsShowTheirKeysOrTheirType() throws Exception {
        assertEquals("{prompt, options}", FrameSummary.shape(Payload.plain(Json.parse("{\"prompt\":\"hi\",\"options\":{\"deep\":{\"x\":[1,2]}}}"))));
        assertEquals("\"done\"", FrameSummary.shape(Payload.plain(Json.parse("\"done\""))));
        assertEquals("array", FrameSummary.shape(Payload.plain(Json.parse("[1,{\"a\":2}]"))));
        assertEquals("number", FrameSummary.shape(Payload.plain(Json.parse("12.5"))));
        assertEquals("boolean", FrameSummary.shape(Payload.plain(Json.parse("false"))));
        assertEquals("null", FrameSummary.shape(Payload.plain(Json.parse("null"))));
        assertEquals("(none)", FrameSummary.shape(null));
    }

    @Test
    void theFastDecodersRawPayloadsGiveTheSameLines() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.registerStream(0, "run-1");
        ProtocolEvent start = decoder.decode("{\"stream_id\":0,\"event\":\"NodeStart\",\"data\":{\"time\":\"2024-01-01T00:00:01Z\","
                + "\"flow_run_id\":\"run-1\",\"node_id\":\"n\",\"times\":0,\"input\":{\"M\":{\"amount\":{\"U\":\"5\"},\"api_key\":{\"S\":\"k\"}}}}}");
        assertEquals("input {amount, api_key}", FrameSummary.of(start, 0));
        ProtocolEvent out = decoder.decode("{\"stream_id\":0,\"event\":\"NodeOutput\",\"data\":{\"time\":\"2024-01-01T00:00:02Z\","
                + "\"flow_run_id\":\"run-1\",\"node_id\":\"n\",\"times\":0,\"output\":{\"M\":{\"sig\":{\"B6\":\"AAAA\"}}}}}");
        assertEquals("output {sig}", FrameSummary.of(out, 0));
    }
}
