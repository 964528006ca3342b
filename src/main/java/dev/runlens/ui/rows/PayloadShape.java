package dev.runlens.ui.rows;

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
                int from = i + 1;
                yield key() ? "\"" + s.substring(from, i - 1) + "\"" : null;
            }
            case '[' -> "array";
            case 't', 'f' -> "boolean";
            case 'n' -> "null";
            default -> c == '-' || c >= '0' && c <= '9' ? "number" : null;
        };
    }

    /** Keys as ranges of the text (start, end pairs), in order, each once: no string per key. */
    private static final class Keys {
        private int[] at = new int[16];
        private int n;

        void add(String s, int start, int end) {
            for (int k = 0; k < n; k += 2) {
                if (at[k + 1] - at[k] == end - start && s.regionMatches(at[k], s, start, end - start)) {
                    return;
                }
            }
            if (n == at.length) {
                at = java.util.Arrays.copyOf(at, n * 2);
            }
            at[n++] = start;
            at[n++] = end;
        }

        int size() {
            return n / 2;
        }

        String braced(String s) {
            StringBuilder b = new StringBuilder(2 + 8 * n).append('{');
            for (int k = 0; k < n; k += 2) {
                if (k > 0) {
                    b.append(", ");
                }
                b.append(s, at[k], at[k + 1]);
            }
            return b.append('}').toString();
        }
    }

    private String object(boolean tagged) {
        Keys keys = new Keys();
        Keys inner = null;
        i++;
        int keyStart;
        while ((keyStart = nextKey()) >= 0) {
            int end = this.keyEnd;
            boolean mapTag = tagged && keys.size() == 0 && end - keyStart == 1 && s.charAt(keyStart) == 'M';
            if (mapTag && i < s.length() && s.charAt(i) == '{') {
                inner = new Keys();
                i++;
                int k;
                while ((k = nextKey()) >= 0) {
                    int e = this.keyEnd;
                    if (!skipValue()) {
                        return null;
                    }
                    inner.add(s, k, e);
                }
                if (i < 0) {
                    return null;
                }
            } else if (!skipValue()) {
                return null;
            }
            keys.add(s, keyStart, end);
        }
        if (i < 0) {
            return null;
        }
        if (tagged && keys.size() == 1) {
            return inner != null ? inner.braced(s) : s.substring(keys.at[0], keys.at[1]);
        }
        return keys.braced(s);
    }

    /** The end of the key {@link #nextKey} found last. */
    private int keyEnd;

    /**
     * Inside an object: the start of the next key (its end in {@link #keyEnd}), with the position
     * on its value; -1 at the object's end (the position after its brace). A text this scan cannot
     * read sets the position to -1.
     */
    private int nextKey() {
        space();
        if (i < s.length() && s.charAt(i) == ',') {
            i++;
            space();
        }
        if (i >= s.length()) {
            i = -1;
            return -1;
        }
        char c = s.charAt(i);
        if (c == '}') {
            i++;
            return -1;
        }
        int start = i + 1;
        boolean read = c == '"' && key();
        keyEnd = i - 1;
        space();
        if (!read || i >= s.length() || s.charAt(i) != ':') {
            i = -1;
            return -1;
        }
        i++;
        space();
        return start;
    }

    /** Passes a string without escapes at the position (to after its closing quote); false otherwise. */
    private boolean key() {
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return true;
            }
            if (c == '\\') {
                return false;
            }
            i++;
        }
        return false;
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
