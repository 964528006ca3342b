package dev.runlens.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlens.json.Json;
import dev.runlens.protocol.Payload;
import dev.runlens.value.SecretKeys;
import dev.runlens.value.Masking;
import dev.runlens.value.Tag;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The searchable text of one execution or run: its inputs, outputs, errors and logs, as words
 * (keys and values, no JSON punctuation), secrets masked by the inspector's rule ({@link Masking}),
 * and capped so a payload of megabytes does not make the index as big as the recordings.
 */
final class SearchText {
    /** Characters kept per execution; the start of a huge output is what a search needs. */
    static final int CAP = 16 * 1024;

    private static final Map<String, Boolean> SECRET_KEYS = new ConcurrentHashMap<>();

    private final StringBuilder text = new StringBuilder();

    boolean full() {
        return text.length() >= CAP;
    }

    void add(String s) {
        if (s == null || s.isEmpty() || full()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        int room = CAP - text.length();
        text.append(s, 0, Math.min(room, s.length()));
    }

    /**
     * A payload's words, streamed from its JSON text (no tree: the decoder's fast path keeps only
     * the text, and building trees here halved the indexing rate). Masks as {@link Masking} does:
     * the value of a key {@link SecretKeys} calls secret becomes {@link Masking#MASK}.
     */
    void add(Payload payload) {
        if (payload == null || full()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        try (JsonParser p = Json.factory().createParser(payload.text())) {
            JsonToken t;
            while ((t = p.nextToken()) != null && b.length() + text.length() < CAP) {
                switch (t) {
                    case FIELD_NAME -> {
                        String key = p.currentName();
                        if (secret(key)) {
                            b.append(key).append(": ").append(Masking.MASK).append(' ');
                            p.nextToken();
                            p.skipChildren();
                        } else if (!(payload.tagged() && Tag.ofKey(key) != null)) {
                            // A Space Operator tag ({"S": ...}) is not a word anyone searches for.
                            b.append(key).append(": ");
                        }
                    }
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> b.append(p.getText()).append(' ');
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            // The decoder accepted this payload; a parser that disagrees keeps what it read.
        }
        add(b.toString().strip());
    }

    /** {@link SecretKeys#isSecret}, remembered: payloads repeat the same few keys millions of times. */
    private static boolean secret(String key) {
        Boolean known = SECRET_KEYS.get(key);
        if (known == null) {
            known = SecretKeys.isSecret(key);
            if (SECRET_KEYS.size() < 100_000) {
                SECRET_KEYS.put(key, known);
            }
        }
        return known;
    }

    void add(JsonNode json, boolean tagged) {
        if (json == null || full()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        words(Masking.mask(json), tagged, b);
        add(b.toString().strip());
    }

    private void words(JsonNode n, boolean tagged, StringBuilder b) {
        if (b.length() + text.length() >= CAP) {
            return;
        }
        if (n.isObject()) {
            // A Space Operator value {"S": "..."} is its content; its tag is not a word to find.
            if (tagged && n.size() == 1) {
                Map.Entry<String, JsonNode> only = n.fields().next();
                if (Tag.ofKey(only.getKey()) != null) {
                    words(only.getValue(), true, b);
                    return;
                }
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                b.append(e.getKey()).append(": ");
                words(e.getValue(), tagged, b);
                b.append(' ');
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                words(item, tagged, b);
                b.append(' ');
            }
        } else if (!n.isNull() && !n.isMissingNode()) {
            b.append(n.asText());
        }
    }

    String text() {
        return text.toString();
    }
}
