package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

/** Shared immutable-by-convention nodes for decoders. */
final class Json0 {
    static final JsonNode EMPTY = Json.object();

    private Json0() {
    }
}
