package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** Frames that are not run events: responses, end-of-stream markers, keepalives, greetings. */
public sealed interface ControlEvent extends ProtocolEvent {

    /** {@code {"id":N,"Ok":...}} or {@code {"id":N,"Err":"..."}}. */
    record Response(long id, boolean ok, JsonNode payload, String error) implements ControlEvent {
    }

    /** v1's {@code {"sub_id":N,"event":"Done"}} after FlowFinish. */
    record StreamDone(long subscriptionId) implements ControlEvent {
    }

    /** Lyzr keepalive, ping and pong frames. */
    record Keepalive(String kind) implements ControlEvent {
    }

    /** Lyzr greetings ({@code {"type":"system"...}}) and {@code Echoing:} answers. */
    record Greeting(String message) implements ControlEvent {
    }

    /**
     * Plain text that does not try to be JSON (Lyzr sends such notices). Shown as chatter, not as
     * an error; summaries still count it among the frames that were not JSON.
     */
    record TextFrame(String text) implements ControlEvent {
    }

    /** Valid JSON of no known shape; kept and shown, never fatal. */
    record Unrecognized(JsonNode frame) implements ControlEvent {
    }
}
