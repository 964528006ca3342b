package dev.runlens.act;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which execution an ApiInput belongs to, from the run as it stands when the event arrives. */
class InputWaitTest {
    private static final String URL = "http://127.0.0.1:1/flow/api_input/x";
    private final FrameDecoder decoder = new FrameDecoder();
    private final RunModel model = new RunModel();
    private int second;

    private void node(String kind, String node, int times) {
        String data = "\"node_id\":\"" + node + "\",\"times\":" + times + ",\"time\":\"2025-01-01T00:00:"
                + String.format("%02d", second++) + "Z\",\"flow_run_id\":\"r-1\"";
        model.apply((RunEvent) decoder.decode("{\"stream_id\":0,\"event\":\"" + kind + "\",\"data\":{" + data + "}}"));
    }

    private Run run() {
        return model.run(new RunRef(Source.SPACE_OPERATOR, "r-1"));
    }

    @Test
    void theOnlyRunningExecutionWaits() {
        node("NodeStart", "wallet", 0);
        node("NodeFinish", "wallet", 0);
        node("NodeStart", "approve", 0);
        InputWait w = InputWait.attribute(run(), URL);
        assertEquals("approve", w.execution().node());
        assertEquals("node approve", w.who(n -> n));
        assertTrue(w.concerns(run().execution("approve", 0)));
        assertFalse(w.concerns(run().execution("wallet", 0)), "a finished execution does not wait");
        assertEquals(URL, w.url());
    }

    @Test
    void ofSeveralRunningTheLatestStartedWaitsAndTheFormSaysOneOf() {
        node("NodeStart", "a", 0);
        node("NodeStart", "b", 0);
        node("NodeStart", "c", 0);
        node("NodeFinish", "b", 0);
        InputWait w = InputWait.attribute(run(), URL);
        assertEquals("c", w.execution().node(), "the most recently started running execution");
        assertEquals("one of: C, A", w.who(n -> n.toUpperCase(java.util.Locale.ROOT)));
        assertTrue(w.concerns(run().execution("a", 0)));
        assertFalse(w.concerns(run().execution("b", 0)));
    }

    @Test
    void theSameNodeTwiceIsNamedOnce() {
        node("NodeStart", "loop", 0);
        node("NodeStart", "loop", 1);
        InputWait w = InputWait.attribute(run(), URL);
        assertEquals(1, w.execution().times());
        assertEquals("node loop", w.who(n -> n));
    }

    @Test
    void withNothingRunningTheRunItselfWaits() {
        node("NodeStart", "a", 0);
        node("NodeFinish", "a", 0);
        InputWait w = InputWait.attribute(run(), URL);
        assertNull(w.execution());
        assertEquals("the run", w.who(n -> n));
        assertFalse(w.concerns(run().execution("a", 0)));
        assertNull(InputWait.attribute(null, URL).execution(), "a run not known yet waits itself");
        assertFalse(w.concerns((Execution) null));
    }
}
