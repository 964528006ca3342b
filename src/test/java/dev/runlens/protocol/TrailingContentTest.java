package dev.runlens.protocol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A frame is one JSON value: content after it makes the frame malformed, on both decoders. */
class TrailingContentTest {
    private static final String LYZR = "{\"event_type\":\"flow_started\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":1756806125.5}";
    private static final String V2 = "{\"stream_id\":0,\"event\":\"FlowStart\",\"data\":{\"flow_run_id\":\"a\",\"time\":\"2025-09-02T10:00:00Z\"}}";

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"y", "{}{}", "{} x", "[1]]", "1 2", "{\"a\":1}}", LYZR + LYZR, LYZR + " x", V2 + "{}", V2 + " 0",
            LYZR + "\"", V2 + "]"})
    void contentAfterTheValueIsMalformed(String frame) {
        for (ProtocolEvent e : new ProtocolEvent[]{new FrameDecoder().decode(frame), new FrameDecoder().decodeGeneral(frame)}) {
            MalformedFrame m = assertInstanceOf(MalformedFrame.class, e, frame);
            assertEquals(MalformedFrame.Kind.NOT_JSON, m.kind(), frame);
        }
    }

    @org.junit.jupiter.api.Test
    void theReasonSaysWhatIsWrong() {
        assertEquals("not JSON: content after the JSON value", ((MalformedFrame) new FrameDecoder().decode(V2 + "{}")).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {LYZR, V2, LYZR + " \n\t", "  " + V2 + "\r\n"})
    void whitespaceAroundTheValueIsFine(String frame) {
        assertInstanceOf(RunEvent.class, new FrameDecoder().decode(frame));
        assertInstanceOf(RunEvent.class, new FrameDecoder().decodeGeneral(frame));
    }
}
