package dev.runlens.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.Payload;
import dev.runlens.value.Masking;

/**
 * Whether node inputs and outputs go into spans, and how long each may be. Payloads are left out
 * by default: they may be large and may hold what a tracing backend should not keep. When they
 * are in, the values of secret-looking keys are masked with the inspector's rule
 * ({@link Masking}) and the text is cut at {@code maxChars}.
 */
public record PayloadPolicy(boolean include, int maxChars) {
    public static final int DEFAULT_MAX_CHARS = 4096;
    public static final PayloadPolicy NONE = new PayloadPolicy(false, DEFAULT_MAX_CHARS);

    public PayloadPolicy {
        if (maxChars < 1) {
            throw new IllegalArgumentException("the payload limit must be at least 1 character, not " + maxChars);
        }
    }

    /** The payload as an attribute value (plain JSON, masked, cut), or null when payloads are left out. */
    String text(Payload payload) {
        if (!include || payload == null) {
            return null;
        }
        return text(payload.plain());
    }

    /** As {@link #text(Payload)} for plain JSON. */
    String text(JsonNode plain) {
        if (!include || plain == null) {
            return null;
        }
        String s = Json.compact(Masking.mask(plain));
        if (s.length() <= maxChars) {
            return s;
        }
        // Cut on a code point boundary so the attribute stays valid UTF-8.
        int end = Character.isHighSurrogate(s.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return s.substring(0, end) + "…";
    }
}
