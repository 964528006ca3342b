package dev.runlens.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Derives hostile frames from real ones: each call applies one mutation chosen at random. */
public final class FrameMutator {
    public enum Kind {
        BYTE_FLIP, TRUNCATE, WRONG_TYPE, MISSING_FIELD, DEEP_NESTING, INVALID_UTF8, NUMBER_OUT_OF_RANGE,
        UNKNOWN_TAG, UNKNOWN_KIND, DUPLICATE_FIELD, HUGE_EXPONENT, TRAILING_CONTENT, HUGE_STRING
    }

    /** Exponents that once made decoding spin for minutes; the last two overflow a BigDecimal's scale. */
    private static final String[] HUGE_EXPONENTS = {"1e400000000", "-1e400000000", "1e-400000000", "9.99E+999999999",
            "1E-2147483647", "1e2147483648", "1e-2147483649"};
    private static final String[] TAILS = {"x", "{}", " 1", "\"", "]", "}", ",{}", " null", "\"x\"y"};

    private static final String[] VALUES = {"null", "0", "-1", "1.5", "1e400", "-1e400", "18446744073709551616",
            "\"x\"", "\"\"", "[]", "{}", "[1,[2]]", "{\"U\":5}", "true", "\"2025-13-45T99:99:99Z\"",
            "\"\\ud800\"", "9223372036854775808", "-9223372036854775809"};
    private static final String[] TAGS = {"U", "I", "U1", "I1", "F", "D", "B3", "B6", "BY", "S", "N", "A", "M"};
    private static final String[] KINDS = {"\"NodeStart\"", "\"FlowFinish\"", "\"task_failed\"", "\"flow_error\"",
            "\"Mystery\"", "\"\"", "\"task_started\"", "\"NodeError\"", "\"flow_completed\""};

    private final Random rnd;
    private final String huge;

    public FrameMutator(long seed, int hugeLength) {
        this.rnd = new Random(seed);
        this.huge = "z".repeat(hugeLength);
    }

    public String mutate(String f, Kind kind) {
        if (f.isEmpty()) {
            return kind == Kind.TRUNCATE ? f : "{";
        }
        switch (kind) {
            case BYTE_FLIP: {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                int flips = 1 + rnd.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return new String(b, StandardCharsets.UTF_8);
            }
            case TRUNCATE:
                return f.substring(0, rnd.nextInt(f.length()));
            case WRONG_TYPE:
                return replaceValue(f, VALUES[rnd.nextInt(VALUES.length)]);
            case MISSING_FIELD: {
                int start = fieldStart(f);
                if (start < 0) {
                    return f;
                }
                int end = valueEnd(f, f.indexOf(':', start) + 1);
                String cut = f.substring(0, start) + f.substring(Math.min(f.length(), end + 1));
                return cut.replace(",}", "}").replace("{,", "{");
            }
            case DEEP_NESTING: {
                int depth = rnd.nextBoolean() ? 900 + rnd.nextInt(200) : 1000 + rnd.nextInt(5000);
                String nested = "{\"A\":[".repeat(depth / 2) + "{\"N\":0}" + "]}".repeat(depth / 2);
                return replaceValue(f, nested);
            }
            case INVALID_UTF8: {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                int at = rnd.nextInt(b.length);
                byte[] out = new byte[b.length + 2];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = bad[rnd.nextInt(bad.length)];
                out[at + 1] = bad[rnd.nextInt(bad.length)];
                System.arraycopy(b, at, out, at + 2, b.length - at);
                return new String(out, StandardCharsets.UTF_8);
            }
            case NUMBER_OUT_OF_RANGE: {
                String[] nums = {"1e400", "-1", "99999999999999999999999", "2147483648", "-0.0", "1.7976931348623157e309"};
                String n = nums[rnd.nextInt(nums.length)];
                String g = f.replaceFirst("\"times\":\\d+", "\"times\":" + n);
                g = g.replaceFirst("\"timestamp\":[0-9.]+", "\"timestamp\":" + n);
                g = g.replaceFirst("\"stream_id\":\\d+", "\"stream_id\":" + n);
                return g.replaceFirst("\\{\"U\":\"\\d+\"", "{\"U\":\"" + n.replace("-", "") + "0\"");
            }
            case UNKNOWN_TAG:
                return f.replaceFirst("\\{\"(" + TAGS[rnd.nextInt(TAGS.length)] + ")\":", "{\"Q" + rnd.nextInt(9) + "\":");
            case UNKNOWN_KIND:
                return f.replaceFirst("\"(event|event_type)\":\"[A-Za-z_]+\"", "\"$1\":" + KINDS[rnd.nextInt(KINDS.length)]);
            case DUPLICATE_FIELD: {
                int close = f.lastIndexOf('}');
                String[] dup = {",\"times\":7", ",\"node_id\":\"dup\"", ",\"event_type\":\"task_failed\"", ",\"flow_run_id\":\"other\"",
                        ",\"data\":{}", ",\"event\":\"FlowFinish\""};
                return close < 0 ? f : f.substring(0, close) + dup[rnd.nextInt(dup.length)] + f.substring(close);
            }
            case HUGE_EXPONENT: {
                String n = HUGE_EXPONENTS[rnd.nextInt(HUGE_EXPONENTS.length)];
                String g = switch (rnd.nextInt(4)) {
                    case 0 -> f.replaceFirst("\"timestamp\":[0-9.]+", "\"timestamp\":" + n);
                    case 1 -> f.replaceFirst("\"execution_time\":[0-9.]+", "\"execution_time\":" + n);
                    case 2 -> f.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":" + (rnd.nextBoolean() ? n : "\"" + n + "\""));
                    default -> f.replaceFirst("\\{\"(U|I|U1|I1|F|D)\":\"[^\"]*\"", "{\"$1\":" + (rnd.nextBoolean() ? n : "\"" + n + "\""));
                };
                return g.equals(f) ? replaceValue(f, n) : g;
            }
            case TRAILING_CONTENT:
                return f + (rnd.nextInt(4) == 0 ? f : TAILS[rnd.nextInt(TAILS.length)]);
            case HUGE_STRING:
                return replaceValue(f, "{\"S\":\"" + huge + "\"}");
            default:
                return f;
        }
    }

    private String replaceValue(String f, String value) {
        int colon = f.indexOf(':', rnd.nextInt(Math.max(1, f.length())));
        if (colon < 0) {
            colon = f.indexOf(':');
        }
        if (colon < 0) {
            return f;
        }
        int end = valueEnd(f, colon + 1);
        return f.substring(0, colon + 1) + value + f.substring(end);
    }

    private int fieldStart(String f) {
        int q = f.indexOf(",\"", rnd.nextInt(Math.max(1, f.length())));
        return q < 0 ? -1 : q + 1;
    }

    /** Index just past a JSON value starting at {@code from} (rough: brackets and strings). */
    private static int valueEnd(String f, int from) {
        int depth = 0;
        boolean str = false;
        for (int i = from; i < f.length(); i++) {
            char c = f.charAt(i);
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    str = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                continue;
            }
            if (c == '"') {
                str = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return f.length();
    }
}
