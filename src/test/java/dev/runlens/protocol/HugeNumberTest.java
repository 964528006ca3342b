package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers with absurd exponents ({@code 1e400000000}: an 84-byte frame) once made decoding spin for
 * minutes (scaling to microseconds expanded them) and rendering throw. Each case must finish at
 * once, on both decoders, with the number reported as a bad field or kept as its text.
 */
class HugeNumberTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    private static ProtocolEvent[] both(String frame) {
        return assertTimeoutPreemptively(AT_ONCE, () -> {
            ProtocolEvent fast = new FrameDecoder().decode(frame);
            ProtocolEvent tree = new FrameDecoder().decodeGeneral(frame);
            assertEquals(tree, fast, "fast path and tree disagree on " + frame);
            return new ProtocolEvent[]{fast, tree};
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400000000", "-1e400000000", "1E+999999999", "12345678901234567"})
    void lyzrTimestampOutOfRangeIsABadFieldAndTheEventStillCounts(String timestamp) {
        String frame = "{\"event_type\":\"flow_completed\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":" + timestamp + "}";
        RunEvent.FlowFinished e = assertInstanceOf(RunEvent.FlowFinished.class, both(frame)[0]);
        assertNull(e.time());
        assertEquals("flow_completed with a \"timestamp\" out of range; applied without a time", e.problem());
    }

    @Test
    void aTinyTimestampRoundsToTheEpoch() {
        String frame = "{\"event_type\":\"flow_started\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":1e-400000000}";
        RunEvent.FlowStarted e = assertInstanceOf(RunEvent.FlowStarted.class, both(frame)[0]);
        assertEquals(Instant.EPOCH, e.time());
        assertNull(e.problem());
    }

    @Test
    void hugeExecutionTimeDecodesAtOnce() {
        String frame = "{\"event_type\":\"task_completed\",\"flow_name\":\"F\",\"run_name\":\"r\",\"task_name\":\"t\","
                + "\"timestamp\":1756806125.5,\"execution_time\":1e400000000}";
        RunEvent.NodeFinished e = assertInstanceOf(RunEvent.NodeFinished.class, both(frame)[0]);
        assertEquals(Double.POSITIVE_INFINITY, e.executionSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400000000", "-2.5e-400000000"})
    void hugeExponentsInsideAnOutputAreKeptAsTheirScientificText(String number) {
        String frame = "{\"event_type\":\"task_completed\",\"flow_name\":\"F\",\"run_name\":\"r\",\"task_name\":\"t\","
                + "\"output\":{\"x\":" + number + ",\"y\":[" + number + "]}}";
        for (ProtocolEvent event : both(frame)) {
            Payload p = assertInstanceOf(RunEvent.NodeFinished.class, event).output();
            String text = assertTimeoutPreemptively(AT_ONCE, () -> Json.compact(p.plain()));
            String sci = new java.math.BigDecimal(number).toString();
            assertEquals("{\"x\":" + sci + ",\"y\":[" + sci + "]}", text);
            String pretty = assertTimeoutPreemptively(AT_ONCE, () -> Json.pretty(p.json()));
            assertTrue(pretty.contains("\"x\": " + sci), pretty);
            assertEquals(p.json(), assertTimeoutPreemptively(AT_ONCE, () -> Json.parse(text)), "read back equal");
        }
    }

    @Test
    void spaceOperatorNumericTimeOutOfRangeIsABadField() {
        String frame = "{\"stream_id\":1,\"event\":\"NodeOutput\",\"data\":{\"flow_run_id\":\"a\",\"node_id\":\"n\","
                + "\"time\":1e400000000,\"output\":{\"N\":1e400000000}}}";
        RunEvent.NodeOutput e = assertInstanceOf(RunEvent.NodeOutput.class, both(frame)[0]);
        assertNull(e.time());
        assertEquals("time 1E+400000000 is out of range; applied without a time", e.problem());
        Value v = assertTimeoutPreemptively(AT_ONCE, () -> e.output().value());
        assertInstanceOf(Value.Malformed.class, v);
        JsonNode plain = assertTimeoutPreemptively(AT_ONCE, () -> ValueCodec.toPlain(e.output().json()));
        assertEquals("{\"N\":1E+400000000}", Json.compact(plain));
    }

    @Test
    void taggedValuesWithAbsurdDigitsAreMalformedValuesNotSpins() {
        String frame = "{\"stream_id\":1,\"event\":\"NodeOutput\",\"data\":{\"flow_run_id\":\"a\",\"node_id\":\"n\",\"output\":{\"M\":{"
                + "\"f\":{\"F\":\"1e400000000\"},\"d\":{\"D\":\"1e400000000\"},\"u\":{\"U1\":\"1e400000000\"},"
                + "\"i\":{\"I\":1e400000000},\"big\":{\"U\":\"" + "9".repeat(100_000) + "\"}}}}}";
        RunEvent.NodeOutput e = assertInstanceOf(RunEvent.NodeOutput.class, both(frame)[0]);
        Value.Map m = assertInstanceOf(Value.Map.class, assertTimeoutPreemptively(AT_ONCE, () -> e.output().value()));
        assertEquals(Double.POSITIVE_INFINITY, assertInstanceOf(Value.Float.class, m.entries().get("f")).value());
        for (String bad : new String[]{"d", "u", "i", "big"}) {
            assertInstanceOf(Value.Malformed.class, m.entries().get(bad), bad);
        }
        assertTimeoutPreemptively(AT_ONCE, () -> Json.pretty(ValueCodec.toPlain(e.output().json())));
    }
}
