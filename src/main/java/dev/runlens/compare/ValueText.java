package dev.runlens.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.value.Base58;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;

import java.util.Base64;

/** A value as one short line for a difference: its type, then its content, cut at {@link #LIMIT} chars. */
final class ValueText {
    static final int LIMIT = 120;

    private ValueText() {
    }

    static String of(Value value) {
        String text = switch (value) {
            case Value.Null _ -> "null";
            case Value.Str s -> "string " + quote(s.value());
            case Value.Bool b -> "bool " + b.value();
            case Value.Int i -> i.tag().typeName() + " " + i.value();
            case Value.Float f -> "f64 " + f.text();
            case Value.Decimal d -> "decimal " + d.value().toPlainString();
            case Value.Bytes b -> b.tag().typeName() + " (" + b.bytes().length + " bytes) "
                    + (b.tag() == Tag.BY ? Base64.getEncoder().encodeToString(b.bytes()) : Base58.encode(b.bytes()));
            case Value.Array a -> "array of " + a.items().size();
            case Value.Map m -> "map of " + m.entries().size();
            case Value.Malformed m -> "malformed " + (m.raw() == null ? "null" : Json.compact(m.raw()));
        };
        return cut(text);
    }

    static String of(JsonNode node) {
        if (node.isObject()) {
            return "object of " + node.size();
        }
        if (node.isArray()) {
            return "array of " + node.size();
        }
        return cut(Json.compact(node));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String cut(String s) {
        return s.length() <= LIMIT ? s : s.substring(0, LIMIT - 1) + "…";
    }
}
