package dev.runlens.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.value.SecretKeys;
import dev.runlens.value.Tag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Masks the values of secret-looking keys in a frame before it is shared. A Space Operator
 * tagged value keeps its tag ({@code {"S":"<redacted>"}}) so the log still decodes; a plain
 * value becomes the string {@code "<redacted>"}. Frames that are not JSON are kept as they are.
 */
public final class Redactor {
    public static final String REDACTED = "<redacted>";

    private Redactor() {
    }

    /** The frame with secrets masked; the same string when there was nothing to mask. */
    public static String redact(String frame) {
        JsonNode node;
        try {
            node = Json.parse(frame);
        } catch (IOException | RuntimeException e) {
            return frame;
        }
        if (node == null || !node.isContainerNode()) {
            return frame;
        }
        return redactTree(node) ? Json.compact(node) : frame;
    }

    /** Masks secrets in place; true when something was masked. */
    public static boolean redactTree(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode obj) {
            List<String> secretKeys = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (SecretKeys.isSecret(e.getKey()) && !e.getValue().isNull()) {
                    secretKeys.add(e.getKey());
                } else {
                    changed |= redactTree(e.getValue());
                }
            }
            for (String key : secretKeys) {
                obj.set(key, masked(obj.get(key)));
                changed = true;
            }
        } else if (node instanceof ArrayNode arr) {
            for (JsonNode item : arr) {
                changed |= redactTree(item);
            }
        }
        return changed;
    }

    private static JsonNode masked(JsonNode value) {
        if (value.isObject() && value.size() == 1 && Tag.ofKey(value.fieldNames().next()) != null) {
            return Json.object().put("S", REDACTED);
        }
        return Json.nodes().textNode(REDACTED);
    }
}
