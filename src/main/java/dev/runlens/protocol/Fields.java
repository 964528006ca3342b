package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Field access for decoders: lenient where the protocol allows, strict where an event needs it. */
public final class Fields {
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);
    /** The fields of an event that carries none; shared, so never changed. */
    static final JsonNode EMPTY = Json.object();

    private Fields() {
    }

    static String requireText(JsonNode obj, String field, String kind) throws InvalidFrameException {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidFrameException(kind + " without a string \"" + field + "\"");
        }
        return v.textValue();
    }

    static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static int times(JsonNode obj, String kind) throws InvalidFrameException {
        JsonNode v = obj.get("times");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new InvalidFrameException(kind + " with \"times\" that is not a small non-negative integer");
        }
        return v.intValue();
    }

    /** RFC 3339 time; null when absent, invalid frame when present but unreadable. */
    static Instant rfc3339(JsonNode obj, String field, String kind) throws InvalidFrameException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return epochMillis(v);
        }
        if (!v.isTextual()) {
            throw new InvalidFrameException(kind + " with an unreadable \"" + field + "\"");
        }
        Instant fast = FastTime.parse(v.textValue());
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(v.textValue());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v.textValue()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidFrameException(kind + " with time \"" + abbreviated(v.textValue()) + "\" that is not RFC 3339");
            }
        }
    }

    /**
     * Epoch seconds written as plain digits ({@code 1756806125.043}), rounded half up to the
     * microsecond without BigDecimal; null for any other shape (the caller then uses BigDecimal).
     */
    static Instant epochSecondsText(String s) {
        int n = s.length();
        int dot = s.indexOf('.');
        int intEnd = dot < 0 ? n : dot;
        if (intEnd == 0 || intEnd > 12) {
            return null;
        }
        long seconds = 0;
        for (int i = 0; i < intEnd; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            seconds = seconds * 10 + (c - '0');
        }
        long micros = 0;
        int digits = 0;
        boolean roundUp = false;
        for (int i = intEnd + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            if (digits < 6) {
                micros = micros * 10 + (c - '0');
            } else if (digits == 6) {
                roundUp = c >= '5';
            }
            digits++;
        }
        if (dot >= 0 && digits == 0) {
            return null;
        }
        for (int d = Math.min(digits, 6); d < 6; d++) {
            micros *= 10;
        }
        long total = seconds * 1_000_000L + micros + (roundUp ? 1 : 0);
        return Instant.ofEpochSecond(total / 1_000_000L, (total % 1_000_000L) * 1000L);
    }

    /**
     * Epoch seconds with a fraction, rounded half up to the microsecond; null when out of range.
     * The magnitude is checked from the digits and the exponent before any arithmetic: scaling
     * {@code 1e400000000} (or {@code 1e-400000000}) to microseconds would take minutes.
     */
    public static Instant epochSeconds(BigDecimal seconds) {
        long integerDigits = (long) seconds.precision() - seconds.scale();
        if (integerDigits > 15) {
            return null;
        }
        if (integerDigits < -6) {
            return Instant.EPOCH;  // below 1e-7: rounds to 0 µs
        }
        BigDecimal micros = seconds.multiply(MICROS).setScale(0, RoundingMode.HALF_UP);
        if (micros.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return null;
        }
        long m = micros.longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
    }

    static Instant epochMillis(JsonNode v) throws InvalidFrameException {
        if (!v.canConvertToLong()) {
            throw new InvalidFrameException("time " + abbreviated(v.asText()) + " is out of range");
        }
        return Instant.ofEpochMilli(v.longValue());
    }

    /** Epoch seconds as a JSON number, rounded to the microsecond. */
    static Instant epochSeconds(JsonNode obj, String field, String kind) throws InvalidFrameException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return rfc3339(obj, field, kind);
        }
        if (!v.isNumber()) {
            throw new InvalidFrameException(kind + " with a \"" + field + "\" that is not a number");
        }
        Instant t = epochSeconds(v.decimalValue());
        if (t == null) {
            throw new InvalidFrameException(kind + " with a \"" + field + "\" out of range");
        }
        return t;
    }

    /** A field's text for a message: at most 40 characters. */
    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static List<String> stringList(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode item : v) {
                out.add(item.isTextual() ? item.textValue() : item.toString());
            }
        }
        return out;
    }

    static Double number(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }

    /** The human message of an error that may be a string or an object with "message". */
    static String errorMessage(JsonNode error, JsonNode frame) {
        if (error != null && error.isTextual()) {
            return error.textValue();
        }
        if (error != null && error.isObject()) {
            JsonNode m = error.get("message");
            if (m != null && m.isTextual()) {
                return m.textValue();
            }
            JsonNode type = error.get("type");
            if (type != null && type.isTextual()) {
                return type.textValue();
            }
            return error.toString();
        }
        String message = text(frame, "message");
        return message != null ? message : "error without a message";
    }
}
