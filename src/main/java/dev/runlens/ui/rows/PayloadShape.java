package dev.runlens.ui.rows;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outline {@link FrameSummary#shape} shows for a payload (its keys, a tagged map's inner keys,
 * its tag, or its type), read by scanning the payload's text instead of running a JSON parser over
 * it: on the replay worker the parser's setup was a fifth of the worker's CPU and a tenth of what
 * it allocated per entry. The text is well formed (its frame was decoded); anything this scan does
 * not take as it is (an escape in a key or a string value, a character it does not expect) returns
 * null, and the parser decides.
 */
final class PayloadShape {
    private final String s;
    private int i;

    private PayloadShape(String text) {
        this.s = text;
    }

    /** The outline of {@code text}, or null when the parser must decide. */
    static String of(String text, boolean tagged) {
        return new PayloadShape(text).outline(tagged);
    }

    private String outline(boolean tagged) {
        space();
        if (i >= s.length()) {
            return "missing";
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(tagged);
            case '"' -> {
                String v = string();
                yield v == null ? null : "\"" + v + "\"";
            }
            case '[' -> "array";
            case 't', 'f' -> "boolean";
            case 'n' -> "null";
            default -> c == '-' || c >= '0' && c <= '9' ? "number" : null;
        };
    }

    private String object(boolean tagged) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> inner = null;
        i++;
        while (true) {
            String key = nextKey();
            if (key == null) {
                break;
            }
            if (tagged && keys.isEmpty() && "M".equals(key) && i < s.length() && s.charAt(i) == '{') {
                inner = new LinkedHashSet<>();
                i++;
                String k;
                while ((k = nextKey()) != null) {
                    if (!skipValue()) {
                        return null;
                    }
                    inner.add(k);
                }
                if (i < 0) {
                    return null;
                }
            } else if (!skipValue()) {
                return null;
            }
            keys.add(key);
        }
        if (i < 0) {
            return null;
        }
        if (tagged && keys.size() == 1) {
            return inner != null ? "{" + String.join(", ", inner) + "}" : keys.iterator().next();
        }
        return "{" + String.join(", ", keys) + "}";
    }

    /**
     * Inside an object: the next key, with the position on its value; null at the object's end
     * (the position after its brace). A text this scan cannot read sets the position to -1.
     */
    private String nextKey() {
        space();
        if (i < s.length() && s.charAt(i) == ',') {
            i++;
            space();
        }
        if (i >= s.length()) {
            i = -1;
            return null;
        }
        char c = s.charAt(i);
        if (c == '}') {
            i++;
            return null;
        }
        String key = c == '"' ? string() : null;
        space();
        if (key == null || i >= s.length() || s.charAt(i) != ':') {
            i = -1;
            return null;
        }
        i++;
        space();
        return key;
    }

    /** A string without escapes at the position (the position after it), or null. */
    private String string() {
        int start = ++i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return s.substring(start, i++);
            }
            if (c == '\\') {
                return null;
            }
            i++;
        }
        return null;
    }

    /** Skips one value (strings may hold escapes, containers nest); false when the text ends first. */
    private boolean skipValue() {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> {
                    i++;
                    while (i < s.length() && s.charAt(i) != '"') {
                        i += s.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                    if (depth == 0) {
                        return i <= s.length();
                    }
                }
                case '{', '[' -> {
                    depth++;
                    i++;
                }
                case '}', ']' -> {
                    if (depth == 0) {
                        return true;  // the end of the enclosing object: a scalar ended before it
                    }
                    depth--;
                    i++;
                    if (depth == 0) {
                        return true;
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        return true;
                    }
                    i++;
                }
                default -> i++;
            }
        }
        return false;
    }

    private void space() {
        while (i >= 0 && i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
            i++;
        }
    }
}
