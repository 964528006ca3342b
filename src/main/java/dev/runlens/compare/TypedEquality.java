package dev.runlens.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.value.Value;

import java.util.Arrays;

/** Equality of leaf values as the comparison defines it (decision 0052). */
final class TypedEquality {
    private TypedEquality() {
    }

    /**
     * Same tag and same value. {@code D} by numeric value, as the server's decimal type compares
     * ({@code 1.50} equals {@code 1.5}); {@code F} by value with NaN equal to NaN; integers exactly
     * (a {@code U1} beyond 2^64 is never rounded); bytes byte by byte. Containers compare element-wise
     * here too, for callers that ask about whole values.
     */
    static boolean equal(Value a, Value b) {
        if (a.tag() != b.tag()) {
            return false;
        }
        return switch (a) {
            case Value.Decimal d -> d.value().compareTo(((Value.Decimal) b).value()) == 0;
            case Value.Float f -> {
                double x = f.value();
                double y = ((Value.Float) b).value();
                yield x == y || Double.isNaN(x) && Double.isNaN(y);
            }
            case Value.Bytes bytes -> Arrays.equals(bytes.bytes(), ((Value.Bytes) b).bytes());
            case Value.Array arr -> StructuralDiff.values(arr, b).isEmpty();
            case Value.Map map -> StructuralDiff.values(map, b).isEmpty();
            case Value.Malformed m -> b instanceof Value.Malformed o && java.util.Objects.equals(m.raw(), o.raw());
            default -> a.equals(b);
        };
    }

    /** Plain JSON leaves: numbers by value, everything else as JSON equality. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
