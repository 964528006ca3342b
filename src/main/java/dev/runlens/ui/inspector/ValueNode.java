package dev.runlens.ui.inspector;

import dev.runlens.value.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.runlens.json.Json;
import dev.runlens.value.Base58;
import dev.runlens.value.SecretKeys;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the payload tree: its key, path, type (u64, decimal, pubkey... for Space Operator
 * values; string, number... for plain JSON) and text. Children are built only when asked for, so
 * a huge payload costs only what is expanded. A secret-looking key hides its whole value unless
 * {@code reveal} is set, in the text and in what is copied.
 */
public final class ValueNode {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String key;
    private final String path;
    private final Value value;
    private final JsonNode json;
    private final boolean secret;
    private final boolean reveal;
    private List<ValueNode> children;

    private ValueNode(String key, String path, Value value, JsonNode json, boolean secret, boolean reveal) {
        this.key = key;
        this.path = path;
        this.value = value;
        this.json = json;
        this.secret = secret;
        this.reveal = reveal;
    }

    /** The root of a Space Operator (tagged) value. */
    public static ValueNode ofValue(String name, Value value, boolean reveal) {
        return new ValueNode(name, "$", value, null, false, reveal);
    }

    /** The root of plain JSON (Lyzr). */
    public static ValueNode ofJson(String name, JsonNode json, boolean reveal) {
        return new ValueNode(name, "$", null, json, false, reveal);
    }

    public String key() {
        return key;
    }

    /** A JSONPath-like path: {@code $.config.api_key}, {@code $.items[2]}, {@code $["a b"]}. */
    public String path() {
        return path;
    }

    /** True when this node hides its value now. */
    public boolean masked() {
        return secret && !reveal;
    }

    public String type() {
        if (value != null) {
            return value instanceof Value.Malformed ? "malformed" : value.tag().typeName();
        }
        return switch (json == null ? JsonNodeType.NULL : json.getNodeType()) {
            case NULL -> "null";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "bool";
            default -> "number";
        };
    }

    /** The value as shown: exact digits for integers and decimals, base58/base64 for bytes. */
    public String text() {
        if (masked()) {
            return Masking.MASK;
        }
        if (value != null) {
            return valueText(value);
        }
        if (json.isObject()) {
            return "{" + json.size() + (json.size() == 1 ? " entry}" : " entries}");
        }
        if (json.isArray()) {
            return "[" + json.size() + (json.size() == 1 ? " item]" : " items]");
        }
        return json.isTextual() ? json.textValue() : json.toString();
    }

    private static String valueText(Value v) {
        return switch (v) {
            case Value.Null n -> "null";
            case Value.Str s -> s.value();
            case Value.Bool b -> Boolean.toString(b.value());
            case Value.Int i -> i.value().toString();
            case Value.Float f -> f.text();
            case Value.Decimal d -> d.value().toPlainString();
            case Value.Bytes b when b.tag() == Tag.BY -> Base64.getEncoder().encodeToString(b.bytes()) + "  (" + b.bytes().length + " bytes)";
            case Value.Bytes b -> Base58.encode(b.bytes());
            case Value.Array a -> "[" + a.items().size() + (a.items().size() == 1 ? " item]" : " items]");
            case Value.Map m -> "{" + m.entries().size() + (m.entries().size() == 1 ? " entry}" : " entries}");
            case Value.Malformed bad -> "malformed: " + bad.reason() + (bad.raw() == null ? "" : "  " + bad.raw());
        };
    }

    public boolean leaf() {
        if (masked()) {
            return true;
        }
        if (value != null) {
            return !(value instanceof Value.Array || value instanceof Value.Map)
                    || (value instanceof Value.Array a && a.items().isEmpty())
                    || (value instanceof Value.Map m && m.entries().isEmpty());
        }
        return !json.isContainerNode() || json.isEmpty();
    }

    public List<ValueNode> children() {
        if (children != null) {
            return children;
        }
        List<ValueNode> out = new ArrayList<>();
        if (!leaf()) {
            if (value instanceof Value.Map m) {
                m.entries().forEach((k, v) -> out.add(new ValueNode(k, childPath(k), v, null, SecretKeys.isSecret(k), reveal)));
            } else if (value instanceof Value.Array a) {
                for (int i = 0; i < a.items().size(); i++) {
                    out.add(new ValueNode("[" + i + "]", path + "[" + i + "]", a.items().get(i), null, false, reveal));
                }
            } else if (json != null && json.isObject()) {
                json.properties().forEach(e -> out.add(new ValueNode(e.getKey(), childPath(e.getKey()), null, e.getValue(),
                        SecretKeys.isSecret(e.getKey()), reveal)));
            } else if (json != null && json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    out.add(new ValueNode("[" + i + "]", path + "[" + i + "]", null, json.get(i), false, reveal));
                }
            }
        }
        children = out;
        return out;
    }

    private String childPath(String k) {
        return IDENT.matcher(k).matches() ? path + "." + k : path + "[" + Json.nodes().textNode(k) + "]";
    }

    /** What "copy value" puts on the clipboard: the text for scalars, plain JSON for containers. */
    public String copyValue() {
        if (masked()) {
            return Masking.MASK;
        }
        if (leaf() && !(value instanceof Value.Array) && !(value instanceof Value.Map)
                && (json == null || !json.isContainerNode())) {
            return value != null && value instanceof Value.Bytes b && b.tag() == Tag.BY
                    ? Base64.getEncoder().encodeToString(b.bytes()) : text();
        }
        return Json.pretty(plainJson());
    }

    /** The plain JSON of this node, masked unless revealed. */
    public JsonNode plainJson() {
        JsonNode plain = value != null ? ValueCodec.toPlain(value) : json;
        return reveal ? plain : Masking.mask(plain);
    }

    /** The tagged JSON of this node (plain JSON for Lyzr), masked unless revealed. */
    public JsonNode rawJson() {
        JsonNode raw = value != null ? ValueCodec.encode(value) : json;
        return reveal ? raw : Masking.mask(raw);
    }

    /**
     * Nodes whose key or (unmasked) text contains {@code query}, ignoring case, depth first; at
     * most {@code limit}. Each result is the chain from this node down to the match.
     */
    public List<List<ValueNode>> search(String query, int limit) {
        List<List<ValueNode>> out = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return out;
        }
        search(query.toLowerCase(), new ArrayList<>(), out, limit);
        return out;
    }

    private void search(String q, List<ValueNode> chain, List<List<ValueNode>> out, int limit) {
        chain.add(this);
        boolean keyMatch = key != null && key.toLowerCase().contains(q);
        boolean textMatch = leaf() && !masked() && text().toLowerCase().contains(q);
        if ((keyMatch || textMatch) && chain.size() > 1) {
            out.add(List.copyOf(chain));
        }
        if (out.size() < limit) {
            for (ValueNode c : children()) {
                if (out.size() >= limit) {
                    break;
                }
                c.search(q, chain, out, limit);
            }
        }
        chain.remove(chain.size() - 1);
    }

    @Override
    public String toString() {
        return key + " (" + type() + ") = " + text();
    }
}
