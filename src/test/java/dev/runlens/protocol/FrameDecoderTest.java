package dev.runlens.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameDecoderTest {
    private static final String RUN = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private static final String NODE = "d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    private final FrameDecoder decoder = new FrameDecoder();

    private static String v2(String kind, String data) {
        return "{\"stream_id\":0,\"event\":\"" + kind + "\",\"data\":{" + data + (data.isEmpty() ? "" : ",")
                + "\"flow_run_id\":\"" + RUN + "\"}}";
    }

    private <T> T decode(String frame, Class<T> type) {
        ProtocolEvent e = decoder.decode(frame);
        return assertInstanceOf(type, e, () -> "decoded " + frame + " as " + e);
    }

    @Test
    void v2FlowStart() {
        RunEvent.FlowStarted e = decode(v2("FlowStart", "\"time\":\"2025-11-22T08:30:00.036674000Z\""), RunEvent.FlowStarted.class);
        assertEquals(new RunRef(Source.SPACE_OPERATOR, RUN), e.run());
        assertEquals(Instant.parse("2025-11-22T08:30:00.036674Z"), e.time());
        assertEquals("FlowStart", e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-22T08:30:00Z", "2025-11-22T08:30:00.123Z", "2025-11-22T08:30:00.123456Z",
            "2025-11-22T08:30:00.123456789Z"})
    void v2TimesWithZeroToNineFractionDigits(String time) {
        RunEvent.FlowStarted e = decode(v2("FlowStart", "\"time\":\"" + time + "\""), RunEvent.FlowStarted.class);
        assertEquals(Instant.parse(time), e.time());
    }

    @Test
    void v2FlowLogAndFlowError() {
        RunEvent.FlowLog log = decode(v2("FlowLog", "\"time\":\"2025-11-22T08:30:00Z\",\"level\":\"Info\",\"module\":null,\"content\":\"hi\""),
                RunEvent.FlowLog.class);
        assertEquals("Info", log.level());
        assertNull(log.module());
        assertEquals("hi", log.content());
        RunEvent.FlowError err = decode(v2("FlowError", "\"time\":\"2025-11-22T08:30:00Z\",\"error\":\"1 nodes failed\""),
                RunEvent.FlowError.class);
        assertEquals("1 nodes failed", err.message());
        assertEquals(false, err.endsRun());
    }

    @Test
    void v2FlowFinishWithNotRunAndTaggedOutput() {
        RunEvent.FlowFinished e = decode(v2("FlowFinish",
                "\"time\":\"2025-11-22T08:30:01Z\",\"not_run\":[\"a\",\"b\"],\"output\":{\"M\":{\"x\":{\"U\":\"7\"}}}"),
                RunEvent.FlowFinished.class);
        assertEquals(List.of("a", "b"), e.notRun());
        assertEquals("{\"x\":7}", e.output().plain().toString());
    }

    @Test
    void v2NodeEvents() {
        String node = "\"time\":\"2025-11-22T08:30:00Z\",\"node_id\":\"" + NODE + "\",\"times\":3";
        RunEvent.NodeStarted start = decode(v2("NodeStart", node + ",\"input\":{\"M\":{\"n\":{\"U1\":\"340282366920938463463374607431768211455\"}}}"),
                RunEvent.NodeStarted.class);
        assertEquals(NodeRef.spaceOperator(NODE, 3), start.node());
        assertTrue(start.input().tagged());
        assertEquals(new BigInteger("340282366920938463463374607431768211455"), start.input().plain().get("n").bigIntegerValue());
        RunEvent.NodeOutput out = decode(v2("NodeOutput", node + ",\"output\":{\"M\":{}}"), RunEvent.NodeOutput.class);
        assertEquals(3, out.node().times());
        RunEvent.NodeError err = decode(v2("NodeError", node + ",\"error\":\"boom\""), RunEvent.NodeError.class);
        assertEquals("boom", err.message());
        assertEquals(false, err.endsExecution());
        RunEvent.NodeLog log = decode(v2("NodeLog", node + ",\"level\":\"Warn\",\"module\":\"m\",\"content\":\"c\""), RunEvent.NodeLog.class);
        assertEquals("Warn", log.level());
        RunEvent.NodeFinished fin = decode(v2("NodeFinish", node), RunEvent.NodeFinished.class);
        assertNull(fin.output());
        assertEquals("NodeFinish", fin.kind());
    }

    @Test
    void v2SignatureRequestUsesEpochMilliseconds() {
        RunEvent.SignatureRequest e = decode(v2("SignatureRequest",
                "\"id\":12,\"time\":1763800200123,\"token\":\"t\",\"pubkey\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\","
                        + "\"message\":\"aGVsbG8=\",\"timeout\":30.0,\"signatures\":null"), RunEvent.SignatureRequest.class);
        assertEquals(Instant.ofEpochMilli(1763800200123L), e.time());
        assertEquals(12, e.id());
        assertEquals(30.0, e.timeoutSeconds());
        assertNull(e.signatureKind());
    }

    @Test
    void v2ApiInput() {
        RunEvent.ApiInput e = decode(v2("ApiInput", "\"time\":\"2025-11-22T08:30:00Z\",\"url\":\"https://x/flow/input/1\""),
                RunEvent.ApiInput.class);
        assertEquals("https://x/flow/input/1", e.url());
    }

    @Test
    void v2UnknownKindIsKeptNotFatal() {
        RunEvent.UnknownEvent e = decode(v2("NodeTeleported", "\"time\":\"2025-11-22T08:30:00Z\",\"where\":\"mars\""),
                RunEvent.UnknownEvent.class);
        assertEquals("NodeTeleported", e.kind());
        assertEquals("mars", e.data().get("where").asText());
    }

    @Test
    void v2EventWithoutRunIdUsesItsRegisteredStream() {
        decoder.registerStream(7, RUN);
        RunEvent.FlowStarted e = decode("{\"stream_id\":7,\"event\":\"FlowStart\",\"data\":{\"time\":\"2025-11-22T08:30:00Z\"}}",
                RunEvent.FlowStarted.class);
        assertEquals(RUN, e.run().runId());
        MalformedFrame m = decode("{\"stream_id\":8,\"event\":\"FlowStart\",\"data\":{}}", MalformedFrame.class);
        assertEquals(MalformedFrame.Kind.INVALID, m.kind());
    }

    @Test
    void v1EventsPutTheKindInContentAndTheTimeOutside() {
        RunEvent.NodeOutput e = decode("{\"sub_id\":3,\"event\":{\"flow_run_id\":\"" + RUN + "\",\"time\":\"2023-03-11T18:40:16.454975954Z\","
                + "\"content\":{\"NodeOutput\":{\"node_id\":\"" + NODE + "\",\"times\":0,\"output\":{\"M\":{\"balance\":{\"U\":\"12577139861\"}}}}}}}",
                RunEvent.NodeOutput.class);
        assertEquals(Source.SPACE_OPERATOR_V1, e.run().source());
        assertEquals(Instant.parse("2023-03-11T18:40:16.454975954Z"), e.time());
        assertEquals("{\"balance\":12577139861}", e.output().plain().toString());
        decode("{\"sub_id\":3,\"event\":{\"flow_run_id\":\"" + RUN + "\",\"time\":\"2023-03-11T18:40:16Z\",\"content\":{\"FlowStart\":{}}}}",
                RunEvent.FlowStarted.class);
    }

    @Test
    void v1DoneAndResponses() {
        assertEquals(new ControlEvent.StreamDone(3), decode("{\"sub_id\":3,\"event\":\"Done\"}", ControlEvent.StreamDone.class));
        ControlEvent.Response ok = decode("{\"id\":1,\"Ok\":{\"subscription_id\":3}}", ControlEvent.Response.class);
        assertTrue(ok.ok());
        assertEquals(3, ok.payload().get("subscription_id").asInt());
        ControlEvent.Response err = decode("{\"id\":0,\"Err\":\"unauthenticated\"}", ControlEvent.Response.class);
        assertEquals("unauthenticated", err.error());
        assertEquals(0, err.id());
    }

    @Test
    void lyzrTaskEvents() {
        String common = "\"flow_name\":\"Customer Support\",\"run_name\":\"r1\",\"timestamp\":1756806132.567";
        RunEvent.NodeStarted s = decode("{\"event_type\":\"task_started\",\"task_id\":\"t1\",\"task_name\":\"sentiment\"," + common
                + ",\"input\":{\"config\":{\"api_key\":\"k\"}}}", RunEvent.NodeStarted.class);
        assertEquals(RunRef.lyzr("Customer Support", "r1"), s.run());
        assertEquals(NodeRef.lyzr("sentiment", "t1"), s.node());
        assertEquals(Instant.parse("2025-09-02T09:42:12.567Z"), s.time());
        assertEquals("task_started", s.kind());
        RunEvent.NodeFinished c = decode("{\"event_type\":\"task_completed\",\"task_id\":\"t1\",\"task_name\":\"sentiment\"," + common
                + ",\"execution_time\":5.33,\"output\":\"fine\"}", RunEvent.NodeFinished.class);
        assertEquals("fine", c.output().plain().asText());
        assertEquals(5.33, c.executionSeconds());
        RunEvent.NodeError f = decode("{\"event_type\":\"task_failed\",\"task_name\":\"sentiment\"," + common
                + ",\"error\":{\"type\":\"X\",\"message\":\"bad data\",\"code\":\"VALIDATION_FAILED\"}}", RunEvent.NodeError.class);
        assertEquals("bad data", f.message());
        assertTrue(f.endsExecution());
        assertNull(f.node().taskId());
    }

    @Test
    void lyzrFlowEvents() {
        String common = "\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":1756806125.043";
        decode("{\"event_type\":\"flow_started\"," + common + "}", RunEvent.FlowStarted.class);
        RunEvent.FlowFinished done = decode("{\"event_type\":\"flow_completed\"," + common + ",\"results\":{\"a\":1.50}}",
                RunEvent.FlowFinished.class);
        assertEquals("{\"a\":1.50}", done.output().plain().toString());
        RunEvent.FlowError err = decode("{\"event_type\":\"flow_error\"," + common + ",\"error\":{\"message\":\"halted\"}}",
                RunEvent.FlowError.class);
        assertTrue(err.endsRun());
        assertEquals("halted", err.message());
        RunEvent.UnknownEvent unknown = decode("{\"event_type\":\"task_retrying\"," + common + "}", RunEvent.UnknownEvent.class);
        assertEquals("task_retrying", unknown.kind());
    }

    @Test
    void lyzrTimestampIsRoundedToTheMicrosecond() {
        RunEvent.FlowStarted e = decode("{\"event_type\":\"flow_started\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":1756806125.0430004999}",
                RunEvent.FlowStarted.class);
        assertEquals(Instant.parse("2025-09-02T09:42:05.043000Z"), e.time());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"event_type\":\"keepalive\"}", "{\"event_type\":\"ping\"}", "{\"event_type\":\"pong\"}",
            "{\"type\":\"ping\"}", "{\"type\":\"pong\"}"})
    void lyzrKeepalivesAreControlFrames(String frame) {
        decode(frame, ControlEvent.Keepalive.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"system\",\"message\":\"Connected to workflow X\"}",
            "{\"message\":\"Echoing: {\\\"type\\\":\\\"ping\\\"}\"}"})
    void lyzrGreetingsAreControlFrames(String frame) {
        decode(frame, ControlEvent.Greeting.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html>not json at all|NOT_JSON",
            "{\"stream_id\":1,\"event\":\"FlowStart\"|NOT_JSON",
            "''|NOT_JSON",
            "{\"stream_id\":1,\"event\":\"NodeStart\",\"data\":{\"flow_run_id\":\"r\",\"time\":\"2025-01-01T00:00:00Z\"}}|INVALID",
            "{\"stream_id\":1,\"event\":\"NodeStart\",\"data\":{\"flow_run_id\":\"r\",\"node_id\":\"n\",\"times\":-1}}|INVALID",
            "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":[1]}|INVALID",
            "{\"event_type\":\"task_started\",\"timestamp\":1}|INVALID",
            "{\"event_type\":\"task_started\",\"flow_name\":\"f\",\"run_name\":\"r\",\"timestamp\":1}|INVALID",
            "{\"sub_id\":3,\"event\":{\"time\":\"2023-03-11T18:40:16Z\",\"content\":{\"FlowStart\":{}}}}|INVALID",
            "{\"sub_id\":3,\"event\":\"Later\"}|INVALID"
    })
    void badFramesAreMalformedWithAReason(String frame, MalformedFrame.Kind kind) {
        MalformedFrame m = decode(frame, MalformedFrame.class);
        assertEquals(kind, m.kind());
        assertTrue(!m.reason().isBlank());
    }

    /** One unreadable field (the time) does not lose the event: it is applied without a time and says why. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{\"flow_run_id\":\"r\",\"time\":\"yesterday\"}}"
                    + "|FlowStart with time \"yesterday\" that is not RFC 3339; applied without a time",
            "{\"stream_id\":1,\"event\":\"FlowFinish\",\"data\":{\"flow_run_id\":\"r\",\"time\":[1]}}"
                    + "|FlowFinish with an unreadable \"time\"; applied without a time",
            "{\"sub_id\":3,\"event\":{\"flow_run_id\":\"r\",\"time\":\"x\",\"content\":{\"FlowFinish\":{}}}}"
                    + "|FlowFinish with time \"x\" that is not RFC 3339; applied without a time",
            "{\"event_type\":\"flow_started\",\"flow_name\":\"f\",\"run_name\":\"r\",\"timestamp\":\"soon\"}"
                    + "|flow_started with time \"soon\" that is not RFC 3339; applied without a time",
            "{\"event_type\":\"flow_completed\",\"flow_name\":\"f\",\"run_name\":\"r\",\"timestamp\":1e300}"
                    + "|flow_completed with a \"timestamp\" out of range; applied without a time",
            "{\"event_type\":\"flow_error\",\"flow_name\":\"f\",\"run_name\":\"r\",\"timestamp\":{}}"
                    + "|flow_error with a \"timestamp\" that is not a number; applied without a time"
    })
    void anUnreadableTimeIsAppliedWithoutATimeAndSaysWhy(String frame, String problem) {
        RunEvent e = decode(frame, RunEvent.class);
        assertNull(e.time());
        assertEquals(problem, e.problem());
    }

    @Test
    void plainTextIsChatterNotAnError() {
        assertEquals(new ControlEvent.TextFrame("Connected to workflow Customer Support"),
                decode("Connected to workflow Customer Support", ControlEvent.TextFrame.class));
        decode("null", ControlEvent.Unrecognized.class);
        assertEquals(MalformedFrame.Kind.NOT_JSON, decode("trueish", MalformedFrame.class).kind());
    }

    @Test
    void nestingDeeperThanTheLimitIsMalformedNotACrash() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        MalformedFrame m = decode(deep, MalformedFrame.class);
        assertEquals(MalformedFrame.Kind.NOT_JSON, m.kind());
        assertTrue(m.reason().toLowerCase().contains("depth"), m.reason());
        assertTrue(m.preview().length() < 300);
    }

    @Test
    void deeplyNestedValueWithinTheLimitDecodesWithoutStackOverflow() {
        String value = "{\"A\":[".repeat(450) + "{\"N\":0}" + "]}".repeat(450);
        RunEvent.NodeOutput out = decode(v2("NodeOutput", "\"time\":\"2025-11-22T08:30:00Z\",\"node_id\":\"n\",\"times\":0,\"output\":" + value),
                RunEvent.NodeOutput.class);
        assertTrue(out.output().value().wellFormed());
    }

    @Test
    void valueJsonThatIsNotAnObjectIsUnrecognizedNotMalformed() {
        decode("[1,2,3]", ControlEvent.Unrecognized.class);
        decode("{\"hello\":\"world\"}", ControlEvent.Unrecognized.class);
    }

    @Test
    void largeFrameDecodes() {
        String big = "x".repeat(25 * 1024 * 1024);
        RunEvent.NodeOutput out = decode(v2("NodeOutput", "\"time\":\"2025-11-22T08:30:00Z\",\"node_id\":\"n\",\"times\":0,\"output\":{\"S\":\"" + big + "\"}"),
                RunEvent.NodeOutput.class);
        assertEquals(big.length(), out.output().plain().asText().length());
    }
}
