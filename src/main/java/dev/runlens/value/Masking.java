package dev.runlens.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;


/**
 * Masking of JSON whose keys look secret: the one rule for the inspector's views and copies and for
 * the history index (which must never hold a secret a payload carried).
 */
public final class Masking {
    public static final String MASK = SecretKeys.MASK;

    private Masking() {
    }

    /** A copy of {@code json} with the value of every secret-looking key replaced by the mask. */
    public static JsonNode mask(JsonNode json) {
        if (json == null || !containsSecret(json)) {
            return json;
        }
        return maskCopy(json);
    }

    private static JsonNode maskCopy(JsonNode json) {
        if (json.isObject()) {
            ObjectNode out = Json.object();
            json.properties().forEach(e -> out.set(e.getKey(), SecretKeys.isSecret(e.getKey()) ? Json.nodes().textNode(MASK) : maskCopy(e.getValue())));
            return out;
        }
        if (json.isArray()) {
            ArrayNode out = Json.nodes().arrayNode(json.size());
            json.forEach(n -> out.add(maskCopy(n)));
            return out;
        }
        return json;
    }

    public static boolean containsSecret(JsonNode json) {
        if (json.isObject()) {
            return json.properties().stream().anyMatch(e -> SecretKeys.isSecret(e.getKey()) || containsSecret(e.getValue()));
        } else if (json.isArray()) {
            for (JsonNode n : json) {
                if (containsSecret(n)) {
                    return true;
                }
            }
        }
        return false;
    }
}
