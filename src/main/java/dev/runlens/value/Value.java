package dev.runlens.value;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A decoded Space Operator value. Malformed input stays a {@link Malformed} with its reason,
 * so a viewer can show exactly what arrived instead of a silently repaired value.
 */
public sealed interface Value {

    Tag tag();

    /** True when this value and everything inside it follows the protocol's rules. */
    default boolean wellFormed() {
        return true;
    }

    record Null() implements Value {
        public Tag tag() {
            return Tag.N;
        }
    }

    record Str(String value) implements Value {
        public Tag tag() {
            return Tag.S;
        }
    }

    record Bool(boolean value) implements Value {
        public Tag tag() {
            return Tag.B;
        }
    }

    /** U, I, U1 or I1: kept exact as a BigInteger. */
    record Int(Tag tag, BigInteger value) implements Value {
    }

    /** F: the double, plus the wire text so that writing it back gives the same bytes. */
    record Float(double value, String text) implements Value {
        public Tag tag() {
            return Tag.F;
        }

        public static Float of(double d) {
            return new Float(d, FloatText.format(d));
        }
    }

    record Decimal(BigDecimal value) implements Value {
        public Tag tag() {
            return Tag.D;
        }
    }

    /** B3, B6 or BY. */
    record Bytes(Tag tag, byte[] bytes) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && b.tag == tag && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return tag.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + tag + ", " + bytes.length + " bytes]";
        }
    }

    record Array(List<Value> items) implements Value {
        public Array {
            items = List.copyOf(items);
        }

        public Tag tag() {
            return Tag.A;
        }

        @Override
        public boolean wellFormed() {
            return items.stream().allMatch(Value::wellFormed);
        }
    }

    /** M: key order is the wire order; keys may be empty strings. */
    record Map(java.util.Map<String, Value> entries) implements Value {
        public Map {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Tag tag() {
            return Tag.M;
        }

        @Override
        public boolean wellFormed() {
            return entries.values().stream().allMatch(Value::wellFormed);
        }
    }

    /** Input that breaks the encoding rules: the raw JSON and why it was rejected. */
    record Malformed(JsonNode raw, String reason) implements Value {
        /** The tag it claimed, or null when it had none. */
        public Tag tag() {
            if (raw != null && raw.isObject() && raw.size() == 1) {
                return Tag.ofKey(raw.fieldNames().next());
            }
            return null;
        }

        @Override
        public boolean wellFormed() {
            return false;
        }
    }
}
