package dev.runlens.ui.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Keys whose values look secret, and masking of JSON that contains them. */
public final class SecretKeys {
    public static final String MASK = "••••••••";
    private static final String[] PARTS = {"api_key", "apikey", "api-key", "token", "authorization", "password",
        "passwd", "secret", "private_key", "privatekey", "private-key", "credential", "cookie", "access_key",
        "session_key", "bearer", "keypair", "seed_phrase", "mnemonic"};

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (String p : PARTS) {
            if (k.contains(p)) {
                return true;
            }
        }
        return false;
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
            Iterator<Map.Entry<String, JsonNode>> it = json.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), isSecret(e.getKey()) ? Json.nodes().textNode(MASK) : maskCopy(e.getValue()));
            }
            return out;
        }
        if (json.isArray()) {
            ArrayNode out = Json.nodes().arrayNode(json.size());
            for (JsonNode n : json) {
                out.add(maskCopy(n));
            }
            return out;
        }
        return json;
    }

    static boolean containsSecret(JsonNode json) {
        if (json.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = json.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (isSecret(e.getKey()) || containsSecret(e.getValue())) {
                    return true;
                }
            }
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
