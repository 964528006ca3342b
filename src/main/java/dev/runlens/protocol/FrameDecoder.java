package dev.runlens.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns one raw frame into a {@link ProtocolEvent}, detecting its protocol per frame:
 * {@code stream_id} + string {@code event} is v2, {@code sub_id} + {@code event} is v1,
 * {@code event_type} is Lyzr, {@code id} + {@code Ok}/{@code Err} is a response.
 * Never throws: anything unusable comes back as a {@link MalformedFrame} with a reason.
 * One instance per connection or file, since v2 streams are remembered.
 *
 * <p>The tree decoders ({@link SpaceOperatorV2Decoder}, {@link SpaceOperatorV1Decoder},
 * {@link LyzrDecoder}, reached through {@link #decodeGeneral}) are the specification. The one fast
 * path, {@link AsciiFrameDecoder}, reads the common frames' bytes without a parser or a tree and
 * gives way to them on anything unusual; {@code FastPathEqualityTest} holds it equal to them
 * (decision 0025).
 */
public final class FrameDecoder {
    private final SpaceOperatorV2Decoder v2 = new SpaceOperatorV2Decoder();
    private final SpaceOperatorV1Decoder v1 = new SpaceOperatorV1Decoder();
    private final LyzrDecoder lyzr = new LyzrDecoder();
    private final AsciiFrameDecoder fast = new AsciiFrameDecoder(v2);

    public void registerStream(long streamId, String flowRunId) {
        v2.registerStream(streamId, flowRunId);
    }

    public ProtocolEvent decode(String text) {
        if (text == null || text.isBlank()) {
            return MalformedFrame.notJson("empty frame", text);
        }
        ProtocolEvent quick = fast.tryDecode(text);
        if (quick != null) {
            return quick;
        }
        return decodeGeneral(text);
    }

    /**
     * Decodes the frame whose UTF-8 bytes are {@code frame[from..from + length)} (a summary reads them from a
     * session line without making a String). The fast path reads them in place; a frame it leaves
     * becomes text for the tree decoders. The bytes are not kept; in a longer array the byte after
     * the frame is overwritten.
     */
    public ProtocolEvent decode(byte[] frame, int from, int length) {
        ProtocolEvent quick = fast.tryDecode(frame, from, from + length);
        if (quick != null) {
            return quick;
        }
        String text = new String(frame, from, length, StandardCharsets.UTF_8);
        return text.isBlank() ? MalformedFrame.notJson("empty frame", text) : decodeGeneral(text);
    }

    /** The general path: a JSON tree, then per-protocol decoding. Package-private for tests. */
    ProtocolEvent decodeGeneral(String text) {
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (JsonProcessingException e) {
            if (isPlainText(text)) {
                // Lyzr's socket sends plain-text notices: chatter, not errors (still not JSON).
                return new ControlEvent.TextFrame(text);
            }
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Trailing token")) {
                why = "content after the JSON value";  // Jackson's own words name its setting, not the problem
            }
            return MalformedFrame.notJson("not JSON: " + why, text);
        } catch (IOException | RuntimeException e) {
            return MalformedFrame.notJson("not JSON: " + e.getMessage(), text);
        }
        if (node == null || node.isMissingNode()) {
            return MalformedFrame.notJson("empty frame", text);
        }
        return decode(node, text);
    }

    /** Decodes an already parsed frame; {@code text} is only used for previews and may be null. */
    public ProtocolEvent decode(JsonNode frame, String text) {
        if (!frame.isObject()) {
            return new ControlEvent.Unrecognized(frame);
        }
        try {
            return dispatch(frame);
        } catch (InvalidFrameException e) {
            return MalformedFrame.invalid(e.getMessage(), text != null ? text : abbreviated(frame));
        } catch (RuntimeException e) {
            // A decoder bug must not lose the stream: report the frame as invalid and go on.
            return MalformedFrame.invalid("could not decode: " + e, text != null ? text : abbreviated(frame));
        }
    }

    private ProtocolEvent dispatch(JsonNode frame) throws InvalidFrameException {
        if (frame.has("event_type")) {
            return lyzr.decode(frame);
        }
        JsonNode event = frame.get("event");
        if (frame.has("stream_id") && event != null && event.isTextual()) {
            return v2.decode(frame);
        }
        if (frame.has("sub_id") && event != null && (event.isObject() || event.isTextual())) {
            return v1.decode(frame);
        }
        JsonNode id = frame.get("id");
        if (id != null && id.isIntegralNumber() && (frame.has("Ok") || frame.has("Err"))) {
            boolean ok = frame.has("Ok");
            JsonNode err = frame.get("Err");
            return new ControlEvent.Response(id.canConvertToLong() ? id.longValue() : -1, ok,
                    ok ? frame.get("Ok") : null, err == null ? null : (err.isTextual() ? err.textValue() : err.toString()));
        }
        String type = Fields.text(frame, "type");
        if (type != null) {
            switch (type) {
                case "system", "greeting", "connected":
                    return new ControlEvent.Greeting(Fields.text(frame, "message"));
                case "ping", "pong", "keepalive":
                    return new ControlEvent.Keepalive(type);
                default:
                    break;
            }
        }
        String message = Fields.text(frame, "message");
        if (message != null && message.startsWith("Echoing:")) {
            return new ControlEvent.Greeting(message);
        }
        return new ControlEvent.Unrecognized(frame);
    }

    /** Text that does not even try to be JSON: it starts with a letter. */
    private static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return Character.isLetter(c) && !text.startsWith("true", i) && !text.startsWith("false", i)
                        && !text.startsWith("null", i);
            }
        }
        return false;
    }

    private static String abbreviated(JsonNode frame) {
        String s = frame.toString();
        return s.length() > 400 ? s.substring(0, 400) : s;
    }
}
