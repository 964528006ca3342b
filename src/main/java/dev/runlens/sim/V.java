package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short builders for the tagged values the simulator puts in its events. */
final class V {
    private V() {
    }

    static Value s(String s) {
        return new Value.Str(s);
    }

    static Value u(long n) {
        return new Value.Int(Tag.U, BigInteger.valueOf(n));
    }

    static Value f(double d) {
        return Value.Float.of(d);
    }

    static Value b(boolean b) {
        return new Value.Bool(b);
    }

    static Value b3(byte[] bytes32) {
        return new Value.Bytes(Tag.B3, bytes32);
    }

    static Value array(List<Value> items) {
        return new Value.Array(items);
    }

    /** A map from alternating keys and values, in order. */
    static Value map(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Value) kv[i + 1]);
        }
        return new Value.Map(m);
    }

    static JsonNode json(Value v) {
        return ValueCodec.encode(v);
    }
}
