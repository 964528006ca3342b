package dev.runlens.connect;

import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectUnitsTest {

    @Test
    void backoffDoublesFromOneSecondAndStaysUnderTheCap() {
        Backoff b = Backoff.standard();
        for (int i = 0; i < 200; i++) {
            Duration first = b.delay(0);
            assertTrue(first.compareTo(Duration.ofSeconds(1)) >= 0 && first.compareTo(Duration.ofMillis(1250)) <= 0, first::toString);
            Duration third = b.delay(2);
            assertTrue(third.compareTo(Duration.ofSeconds(4)) >= 0 && third.compareTo(Duration.ofSeconds(5)) <= 0, third::toString);
            Duration late = b.delay(40);
            assertTrue(late.compareTo(Duration.ofSeconds(30)) == 0, late::toString);
        }
    }

    @Test
    void lyzrSegmentsAreEncodedWithPercentTwenty() {
        URI u = LyzrUrls.of(URI.create("wss://lao-socket.studio.lyzr.ai"), "Customer Support+Sales", "run-1/x");
        assertEquals("wss://lao-socket.studio.lyzr.ai/ws/Customer%20Support%2BSales/run-1%2Fx", u.toString());
        assertArrayEquals(new String[] {"Customer Support+Sales", "run-1/x"}, LyzrUrls.flowAndRun(u));
        assertEquals("a%2Ab~c-._%C3%A9%25", LyzrUrls.encodeSegment("a*b~c-._\u00e9%"));
        assertEquals("a+b c", LyzrUrls.decodeSegment("a+b%20c"));
        assertEquals("100%", LyzrUrls.decodeSegment("100%"));
        assertNull(LyzrUrls.flowAndRun(URI.create("ws://h/ws")));
    }

    @Test
    void wireUriEscapesPercentOnceMoreForTyrus() {
        URI u = URI.create("ws://127.0.0.1:80/ws/A%20B/r?x=1");
        assertEquals("ws://127.0.0.1:80/ws/A%2520B/r?x=1", ClientFactory.wireUri(u).toString());
        URI plain = URI.create("ws://127.0.0.1/ws");
        assertEquals(plain, ClientFactory.wireUri(plain));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"stream_id\":7,\"event\":\"NodeStart\",\"data\":{}}|7",
            "{\"stream_id\":0,\"event\":\"FlowStart\"}|0",
            "{\"sub_id\":3,\"event\":{\"content\":{}}}|3",
            "{\"sub_id\":3,\"event\":\"Done\"}|",
            "{\"id\":1,\"Ok\":{\"stream_id\":4}}|",
            "{\"stream_id\":|",
            "{\"stream_id\":12}|12",
            "{\"stream_id\":12 ,\"event\":\"X\"}|12",
            "{\"stream_id\":1.5,\"event\":\"X\"}|",
            "{\"stream_id\":-1,\"event\":\"X\"}|-1",
            "{\"stream_id\":\"7\",\"event\":\"X\"}|",
            "{\"stream_id\":99999999999999999999,\"event\":\"X\"}|",
            "{\"stream_id\":123456789012345678,\"event\":\"X\"}|123456789012345678",
            "{\"stream_id\":7|7",
            "plain text|",
            "{\"event_type\":\"task_started\"}|"})
    void streamKeyIsReadWithoutParsingTheRest(String frame, Long expected) {
        long key = FrameKeys.streamKey(frame);
        assertEquals(expected == null ? FrameKeys.NONE : expected, key);
    }

    @Test
    void secretNeverPrints() {
        Secret s = Secret.of("b3-very-secret");
        assertEquals("***", s.toString());
        assertEquals("b3-very-secret", s.reveal());
        assertEquals("got *** back", s.redact("got b3-very-secret back"));
        ConnectionRequest r = ConnectionRequest.builder(URI.create("wss://user:pw@host:8080/ws?token=abc")).token(s).run("x").build();
        assertFalse(r.toString().contains("very-secret"));
        assertEquals("wss://host:8080/ws", r.displayUrl());
    }

    @Test
    void requestRejectsOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> ConnectionRequest.builder(URI.create("http://h/ws")).build());
        assertEquals(ProtocolChoice.LYZR, ConnectionRequest.builder(URI.create("ws://h/ws/f/r")).build().effectiveProtocol());
        assertEquals(ProtocolChoice.AUTO, ConnectionRequest.builder(URI.create("ws://h/ws")).run("a").build().effectiveProtocol());
    }

    @ParameterizedTest
    @CsvSource({"1008,FAILED,policy", "1007,FAILED,invalid data", "1011,RECONNECTING,internal error",
            "1009,FAILED,larger than the limit", "1001,RECONNECTING,close code 1001"})
    void closeCodesBecomeSentences(int code, ConnectionState state, String words) {
        Problem p = Problem.ofClose(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), ""), 64L << 20);
        assertEquals(state, p.state());
        assertTrue(p.sentence().contains(words), p.sentence());
        assertEquals(state == ConnectionState.RECONNECTING, p.retry());
    }
}
