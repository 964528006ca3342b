package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;

/**
 * A node input or output as it arrived: a tagged Space Operator value, or Lyzr's plain JSON.
 * Decoding to a {@link Value} happens only when asked for.
 */
public record Payload(JsonNode json, boolean tagged) {

    public static Payload tagged(JsonNode json) {
        return json == null || json.isMissingNode() ? null : new Payload(json, true);
    }

    public static Payload plain(JsonNode json) {
        return json == null || json.isMissingNode() ? null : new Payload(json, false);
    }

    /** The plain JSON form (already plain for Lyzr). */
    public JsonNode plain() {
        return tagged ? ValueCodec.toPlain(json) : json;
    }

    /** The decoded value; only meaningful for tagged payloads. */
    public Value value() {
        return ValueCodec.decode(json);
    }
}
