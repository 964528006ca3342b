package dev.runlens.connect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlens.json.Json;

import java.io.IOException;

/**
 * Reads only the stream key of a frame ({@code stream_id} of v2, {@code sub_id} of v1) without
 * parsing the rest, so replayed duplicates can be dropped before anything is recorded. v1's
 * {@code "event":"Done"} is not history and has no key.
 */
final class FrameKeys {
    static final long NONE = Long.MIN_VALUE;

    private FrameKeys() {
    }

    private static final String V2_PREFIX = "{\"stream_id\":";

    static long streamKey(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != '{') {
            return NONE;
        }
        if (text.startsWith(V2_PREFIX)) {
            long key = leadingStreamId(text);
            if (key != NONE) {
                return key;
            }
        }
        long subId = NONE;
        try (JsonParser p = Json.factory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("stream_id")) {
                    return value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : NONE;
                } else if (name.equals("sub_id")) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        return NONE;
                    }
                    subId = p.getLongValue();
                } else if (name.equals("event") && subId != NONE) {
                    return value == JsonToken.START_OBJECT ? subId : NONE;
                } else if (name.equals("id") || name.equals("event_type")) {
                    return NONE;
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        return NONE;
    }

    /**
     * The fast path for the server's own field order ({@code {"stream_id":12,...}}), taken for
     * every replayed frame: up to 18 digits ended by {@code ,} or {@code }}. Anything else is
     * left to the parser, which gives the same answer for these frames.
     */
    private static long leadingStreamId(String text) {
        int i = V2_PREFIX.length();
        int end = Math.min(text.length(), i + 18);
        long value = 0;
        int start = i;
        while (i < end) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                i++;
            } else {
                break;
            }
        }
        if (i == start || i >= text.length()) {
            return NONE;
        }
        char after = text.charAt(i);
        return after == ',' || after == '}' ? value : NONE;
    }
}
