package dev.runlens.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.Payload;
import dev.runlens.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structural difference of two values, baseline ({@code before}) against run ({@code after}):
 * maps and objects key by key (key order is not a difference), arrays index by index, leaves by
 * type and value. Space Operator values are compared as typed values (decision 0052): a type change
 * ({@code u64 5} to {@code i64 5}) is a change; {@code D} by numeric value ({@code 1.50} equals
 * {@code 1.5}); bytes as bytes. Lyzr's JSON numbers compare by value ({@code 1.0} equals {@code 1}).
 */
public final class StructuralDiff {
    /** A diff stops listing here, so a huge changed array costs a bounded list. */
    public static final int MAX_DIFFERENCES = 500;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<Difference> out = new ArrayList<>();

    private StructuralDiff() {
    }

    /** The differences between two payloads; a missing side (null) makes the other one added or removed. */
    public static List<Difference> of(Payload before, Payload after) {
        StructuralDiff d = new StructuralDiff();
        if (before == null && after == null) {
            return List.of();
        }
        if (before == null || after == null) {
            Payload present = before == null ? after : before;
            String text = present.tagged() ? ValueText.of(present.value()) : ValueText.of(present.json());
            return List.of(before == null ? new Difference(Difference.Kind.ADDED, "$", null, text)
                    : new Difference(Difference.Kind.REMOVED, "$", text, null));
        }
        if (before.tagged() && after.tagged()) {
            d.values("$", before.value(), after.value());
        } else {
            d.json("$", before.plain(), after.plain());
        }
        return List.copyOf(d.out);
    }

    /** True when the payloads have no difference; equal JSON trees are equal without decoding values. */
    public static boolean equal(Payload before, Payload after) {
        if (before == null || after == null) {
            return before == after;
        }
        if (before == after || before.tagged() == after.tagged() && before.json().equals(after.json())) {
            return true;
        }
        return of(before, after).isEmpty();
    }

    public static List<Difference> values(Value before, Value after) {
        StructuralDiff d = new StructuralDiff();
        d.values("$", before, after);
        return List.copyOf(d.out);
    }

    private void values(String path, Value a, Value b) {
        if (full()) {
            return;
        }
        if (a instanceof Value.Map ma && b instanceof Value.Map mb) {
            for (Map.Entry<String, Value> e : ma.entries().entrySet()) {
                Value other = mb.entries().get(e.getKey());
                String p = path + key(e.getKey());
                if (other == null) {
                    add(Difference.Kind.REMOVED, p, ValueText.of(e.getValue()), null);
                } else {
                    values(p, e.getValue(), other);
                }
            }
            mb.entries().forEach((k, v) -> {
                if (!ma.entries().containsKey(k)) {
                    add(Difference.Kind.ADDED, path + key(k), null, ValueText.of(v));
                }
            });
        } else if (a instanceof Value.Array aa && b instanceof Value.Array ab) {
            int common = Math.min(aa.items().size(), ab.items().size());
            for (int i = 0; i < common; i++) {
                values(path + "[" + i + "]", aa.items().get(i), ab.items().get(i));
            }
            for (int i = common; i < aa.items().size(); i++) {
                add(Difference.Kind.REMOVED, path + "[" + i + "]", ValueText.of(aa.items().get(i)), null);
            }
            for (int i = common; i < ab.items().size(); i++) {
                add(Difference.Kind.ADDED, path + "[" + i + "]", null, ValueText.of(ab.items().get(i)));
            }
        } else if (!TypedEquality.equal(a, b)) {
            add(Difference.Kind.CHANGED, path, ValueText.of(a), ValueText.of(b));
        }
    }

    private void json(String path, JsonNode a, JsonNode b) {
        if (full()) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                String p = path + key(e.getKey());
                if (other == null) {
                    add(Difference.Kind.REMOVED, p, ValueText.of(e.getValue()), null);
                } else {
                    json(p, e.getValue(), other);
                }
            }
            for (Map.Entry<String, JsonNode> e : b.properties()) {
                if (!a.has(e.getKey())) {
                    add(Difference.Kind.ADDED, path + key(e.getKey()), null, ValueText.of(e.getValue()));
                }
            }
        } else if (a.isArray() && b.isArray()) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                json(path + "[" + i + "]", a.get(i), b.get(i));
            }
            for (int i = common; i < a.size(); i++) {
                add(Difference.Kind.REMOVED, path + "[" + i + "]", ValueText.of(a.get(i)), null);
            }
            for (int i = common; i < b.size(); i++) {
                add(Difference.Kind.ADDED, path + "[" + i + "]", null, ValueText.of(b.get(i)));
            }
        } else if (!TypedEquality.equal(a, b)) {
            add(Difference.Kind.CHANGED, path, ValueText.of(a), ValueText.of(b));
        }
    }

    private boolean full() {
        return out.size() >= MAX_DIFFERENCES;
    }

    private void add(Difference.Kind kind, String path, String before, String after) {
        if (!full()) {
            out.add(new Difference(kind, path, before, after));
        }
    }

    private static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() ? "." + k : "[" + ValueText.quote(k) + "]";
    }
}
