package dev.runlens.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The frames of a HAR export: {@code log.entries[]._webSocketMessages[]} of type {@code receive}
 * (text only), streamed one entry at a time.
 */
final class HarFrames {
    private HarFrames() {
    }

    static void read(InputStream in, Consumer<LogEntry> sink) throws IOException {
        long[] index = {0};
        try (JsonParser p = Json.factory().createParser(in)) {
            p.setCodec(Json.mapper());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("log".equals(name) && t == JsonToken.START_OBJECT) {
                    readHarLog(p, sink, index);
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.accept(new LogEntry.Corrupt("the HAR file breaks off after " + index[0] + " frames: "
                    + e.getOriginalMessage(), ""));
        }
    }

    private static void readHarLog(JsonParser p, Consumer<LogEntry> sink, long[] index) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (!"entries".equals(name) || t != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = p.readValueAsTree();
                JsonNode messages = entry.get("_webSocketMessages");
                if (messages == null || !messages.isArray()) {
                    continue;
                }
                for (JsonNode m : messages) {
                    if (!"receive".equals(m.path("type").asText()) || m.path("opcode").asInt(1) != 1) {
                        continue;
                    }
                    JsonNode data = m.get("data");
                    String text = data == null ? null : data.isTextual() ? data.textValue() : data.toString();
                    JsonNode time = m.get("time");
                    Instant at = time != null && time.isNumber() ? Fields.epochSeconds(time.decimalValue()) : null;
                    sink.accept(new LogEntry.Frame(index[0]++, at, text, null, -1, -1));
                }
            }
        }
    }
}
