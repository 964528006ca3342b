package dev.runlens.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and writes Space Operator's tagged values exactly as the server does, and turns them into
 * their "plain" JSON form. Decoding never throws: input that breaks a rule becomes
 * {@link Value.Malformed} with the reason.
 */
public final class ValueCodec {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger I128_MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger I128_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger DECIMAL_MANTISSA_LIMIT = BigInteger.ONE.shiftLeft(96);
    private static final Pattern UNSIGNED = Pattern.compile("[0-9]+");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ValueCodec() {
    }

    public static Value decode(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Value.Malformed(node, "a value must be a JSON object with one tag key, found "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        if (node.size() != 1) {
            return new Value.Malformed(node, "a value must have exactly one tag key, found " + node.size());
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        Tag tag = Tag.ofKey(only.getKey());
        if (tag == null) {
            return new Value.Malformed(node, "unknown tag \"" + only.getKey() + "\"");
        }
        JsonNode payload = only.getValue();
        return switch (tag) {
            case N -> payload.isIntegralNumber() && payload.asLong() == 0 && payload.canConvertToLong()
                    ? new Value.Null() : bad(node, "N must carry the number 0");
            case S -> payload.isTextual() ? new Value.Str(payload.textValue()) : bad(node, "S must carry a string");
            case B -> payload.isBoolean() ? new Value.Bool(payload.booleanValue()) : bad(node, "B must carry true or false");
            case U -> integer(node, tag, payload, UNSIGNED, BigInteger.ZERO, U64_MAX, "u64");
            case I -> integer(node, tag, payload, SIGNED, I64_MIN, I64_MAX, "i64");
            case U1 -> integer(node, tag, payload, UNSIGNED, BigInteger.ZERO, U128_MAX, "u128");
            case I1 -> integer(node, tag, payload, SIGNED, I128_MIN, I128_MAX, "i128");
            case F -> floating(node, payload);
            case D -> decimal(node, payload);
            case B3 -> base58(node, tag, payload, 32);
            case B6 -> base58(node, tag, payload, 64);
            case BY -> base64(node, payload);
            case A -> array(node, payload);
            case M -> map(node, payload);
        };
    }

    private static Value bad(JsonNode node, String reason) {
        return new Value.Malformed(node, reason);
    }

    private static Value integer(JsonNode node, Tag tag, JsonNode payload, Pattern shape,
                                 BigInteger min, BigInteger max, String type) {
        if (!payload.isTextual()) {
            return bad(node, tag + " must carry a decimal string, not a JSON " + payload.getNodeType().name().toLowerCase());
        }
        String text = payload.textValue();
        if (text.length() > 60 || !shape.matcher(text).matches()) {
            return bad(node, tag + " \"" + abbreviate(text) + "\" is not a " + type + " decimal string");
        }
        BigInteger v = new BigInteger(text);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            return bad(node, tag + " " + abbreviate(text) + " is out of range for " + type);
        }
        return new Value.Int(tag, v);
    }

    private static Value floating(JsonNode node, JsonNode payload) {
        if (!payload.isTextual()) {
            return bad(node, "F must carry a string such as \"1.5\" or \"inf\"");
        }
        Double d = FloatText.parse(payload.textValue());
        return d == null ? bad(node, "F \"" + abbreviate(payload.textValue()) + "\" is not a number")
                : new Value.Float(d, payload.textValue());
    }

    private static Value decimal(JsonNode node, JsonNode payload) {
        if (!payload.isTextual()) {
            return bad(node, "D must carry a decimal string");
        }
        String text = payload.textValue();
        if (text.length() > 64 || !DECIMAL.matcher(text).matches()) {
            return bad(node, "D \"" + abbreviate(text) + "\" is not a plain decimal");
        }
        BigDecimal d = new BigDecimal(text);
        if (d.scale() > 28) {
            return bad(node, "D " + text + " has more than 28 decimal places");
        }
        if (d.unscaledValue().abs().compareTo(DECIMAL_MANTISSA_LIMIT) >= 0) {
            return bad(node, "D " + text + " does not fit a 96-bit mantissa");
        }
        return new Value.Decimal(d);
    }

    private static Value base58(JsonNode node, Tag tag, JsonNode payload, int length) {
        if (!payload.isTextual()) {
            return bad(node, tag + " must carry a base58 string");
        }
        String text = payload.textValue();
        if (text.length() > 200) {
            return bad(node, tag + " is too long for " + length + " bytes");
        }
        byte[] bytes = Base58.decode(text);
        if (bytes == null) {
            return bad(node, tag + " \"" + abbreviate(text) + "\" is not base58");
        }
        if (bytes.length != length) {
            return bad(node, tag + " must be " + length + " bytes, found " + bytes.length);
        }
        return new Value.Bytes(tag, bytes);
    }

    private static Value base64(JsonNode node, JsonNode payload) {
        if (!payload.isTextual()) {
            return bad(node, "BY must carry a base64 string");
        }
        String text = payload.textValue();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return bad(node, "BY is not valid base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            return bad(node, "BY is not canonical padded base64");
        }
        return new Value.Bytes(Tag.BY, bytes);
    }

    private static Value array(JsonNode node, JsonNode payload) {
        if (!payload.isArray()) {
            return bad(node, "A must carry an array of values");
        }
        List<Value> items = new ArrayList<>(payload.size());
        for (JsonNode item : payload) {
            items.add(decode(item));
        }
        return new Value.Array(items);
    }

    private static Value map(JsonNode node, JsonNode payload) {
        if (!payload.isObject()) {
            return bad(node, "M must carry an object of values");
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : payload.properties()) {
            entries.put(e.getKey(), decode(e.getValue()));
        }
        return new Value.Map(entries);
    }

    /** The tagged wire form. Malformed values are written back as they arrived. */
    public static JsonNode encode(Value value) {
        JsonNodeFactory f = Json.nodes();
        return switch (value) {
            case Value.Null n -> tagged(n, f.numberNode(0));
            case Value.Str s -> tagged(s, f.textNode(s.value()));
            case Value.Bool b -> tagged(b, f.booleanNode(b.value()));
            case Value.Int i -> tagged(i, f.textNode(i.value().toString()));
            case Value.Float fl -> tagged(fl, f.textNode(fl.text()));
            case Value.Decimal d -> tagged(d, f.textNode(d.value().toPlainString()));
            case Value.Bytes b -> tagged(b, f.textNode(text(b)));
            case Value.Array a -> tagged(a, f.arrayNode().addAll(a.items().stream().map(ValueCodec::encode).toList()));
            case Value.Map m -> tagged(m, object(m, ValueCodec::encode));
            case Value.Malformed m -> m.raw() == null ? f.nullNode() : m.raw();
        };
    }

    /** The plain JSON form used by the summary and the inspector's plain view. */
    public static JsonNode toPlain(Value value) {
        JsonNodeFactory f = Json.nodes();
        return switch (value) {
            case Value.Null n -> f.nullNode();
            case Value.Str s -> f.textNode(s.value());
            case Value.Bool b -> f.booleanNode(b.value());
            case Value.Int i -> f.numberNode(i.value());
            case Value.Float fl when Double.isNaN(fl.value()) -> f.textNode("NaN");
            case Value.Float fl when Double.isInfinite(fl.value()) -> f.textNode(fl.value() > 0 ? "Infinity" : "-Infinity");
            case Value.Float fl -> f.numberNode(fl.value());
            case Value.Decimal d -> f.numberNode(d.value());
            case Value.Bytes b -> f.textNode(text(b));
            case Value.Array a -> f.arrayNode(a.items().size()).addAll(a.items().stream().map(ValueCodec::toPlain).toList());
            case Value.Map m -> object(m, ValueCodec::toPlain);
            case Value.Malformed m -> m.raw() == null ? f.nullNode() : m.raw();
        };
    }

    private static JsonNode tagged(Value value, JsonNode payload) {
        return Json.nodes().objectNode().set(value.tag().name(), payload);
    }

    private static ObjectNode object(Value.Map map, Function<Value, JsonNode> each) {
        ObjectNode obj = Json.nodes().objectNode();
        map.entries().forEach((k, v) -> obj.set(k, each.apply(v)));
        return obj;
    }

    /** B3 and B6 are base58 on the wire, BY base64. */
    private static String text(Value.Bytes b) {
        return b.tag() == Tag.BY ? Base64.getEncoder().encodeToString(b.bytes()) : Base58.encode(b.bytes());
    }

    /** The plain form of a tagged JSON value. */
    public static JsonNode toPlain(JsonNode tagged) {
        return toPlain(decode(tagged));
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
