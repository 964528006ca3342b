package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow's inputs as the operator writes them, turned into the tagged values the server needs
 * (it silently ignores a body it cannot parse, so nothing untagged may leave). Plain JSON maps
 * each JSON type to its tag, numbers to {@code D} (as Space Operator's web UI does) unless a type
 * is chosen for that field; tagged JSON is checked value by value with the value codec.
 */
public final class FlowInputs {
    /** How the text is written. */
    public enum Form { PLAIN, TAGGED }

    private FlowInputs() {
    }

    /**
     * The inputs {@code text} holds (an object of name → value; blank means none). {@code types}
     * chooses the tag of top-level fields in plain form. Throws one sentence when it cannot be sent.
     */
    public static Map<String, Value> parse(String text, Form form, Map<String, Tag> types) throws ActionFailure {
        Map<String, Value> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        JsonNode json;
        try {
            json = Json.parse(text);
        } catch (IOException e) {
            throw bad("The inputs are not JSON: " + firstLine(e.getMessage()) + ".");
        }
        if (json == null || !json.isObject()) {
            throw bad("The inputs must be a JSON object of name → value, like {\"amount\": 1.5}.");
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            Value v;
            if (form == Form.TAGGED) {
                v = ValueCodec.decode(e.getValue());
                if (v instanceof Value.Malformed m) {
                    throw bad("The input \"" + e.getKey() + "\" is not a tagged value: " + m.reason() + ".");
                }
                if (!v.wellFormed()) {
                    throw bad("The input \"" + e.getKey() + "\" holds a value that is not tagged right.");
                }
            } else {
                Tag chosen = types == null ? null : types.get(e.getKey());
                v = chosen == null ? plain(e.getValue(), e.getKey()) : typed(e.getValue(), chosen, e.getKey());
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Plain JSON to a value: string S, boolean B, null N, number D, array A, object M. */
    static Value plain(JsonNode node, String name) throws ActionFailure {
        return switch (node.getNodeType()) {
            case STRING -> new Value.Str(node.textValue());
            case BOOLEAN -> new Value.Bool(node.booleanValue());
            case NULL -> new Value.Null();
            case NUMBER -> new Value.Decimal(node.decimalValue());
            case ARRAY -> {
                List<Value> items = new ArrayList<>();
                for (JsonNode n : node) {
                    items.add(plain(n, name));
                }
                yield new Value.Array(items);
            }
            default -> {
                Map<String, Value> entries = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    entries.put(e.getKey(), plain(e.getValue(), name));
                }
                yield new Value.Map(entries);
            }
        };
    }

    /** A scalar given the chosen tag, checked by the codec (ranges, base58 lengths, base64). */
    static Value typed(JsonNode node, Tag tag, String name) throws ActionFailure {
        if (tag == Tag.A || tag == Tag.M) {
            Value v = plain(node, name);
            if (v.tag() != tag) {
                throw bad("The input \"" + name + "\" was given the type " + tag.typeName() + " but is not one.");
            }
            return v;
        }
        if (!node.isValueNode() || node.isNull() && tag != Tag.N) {
            throw bad("The input \"" + name + "\" must be a single value to be sent as " + tag.typeName() + ".");
        }
        ObjectNode tagged = Json.object();
        switch (tag) {
            case N -> tagged.put("N", 0);
            case B -> {
                if (!node.isBoolean()) {
                    throw bad("The input \"" + name + "\" must be true or false to be sent as bool.");
                }
                tagged.put("B", node.booleanValue());
            }
            case D -> tagged.put("D", node.isNumber() ? node.decimalValue().toPlainString() : node.asText());
            case F -> tagged.put("F", node.isNumber() ? Value.Float.of(node.doubleValue()).text() : node.asText());
            default -> tagged.put(tag.name(), node.isNumber() ? plainNumber(node) : node.asText());
        }
        Value v = ValueCodec.decode(tagged);
        if (v instanceof Value.Malformed m) {
            throw bad("The input \"" + name + "\" cannot be sent as " + tag.typeName() + ": " + m.reason() + ".");
        }
        return v;
    }

    private static String plainNumber(JsonNode node) {
        BigDecimal d = node.decimalValue();
        return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }

    /** The tagged form that will be sent, pretty-printed: what the dialog shows. */
    public static String taggedText(Map<String, Value> inputs) {
        ObjectNode o = Json.object();
        inputs.forEach((k, v) -> o.set(k, ValueCodec.encode(v)));
        return Json.pretty(o);
    }

    /** The inputs as one compact tagged object (for the session log and the remembered inputs). */
    public static String taggedCompact(Map<String, Value> inputs) {
        ObjectNode o = Json.object();
        inputs.forEach((k, v) -> o.set(k, ValueCodec.encode(v)));
        return Json.compact(o);
    }

    private static ActionFailure bad(String sentence) {
        return new ActionFailure(ActionFailure.Kind.BAD_INPUT, sentence);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
