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

    static long streamKey(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != '{') {
            return NONE;
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
}
