package dev.runlens.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.Payload;
import dev.runlens.value.Masking;
import dev.runlens.value.Tag;

import java.util.Iterator;
import java.util.Map;

/**
 * The searchable text of one execution or run: its inputs, outputs, errors and logs, as words
 * (keys and values, no JSON punctuation), secrets masked by the inspector's rule ({@link Masking}),
 * and capped so a payload of megabytes does not make the index as big as the recordings.
 */
final class SearchText {
    /** Characters kept per execution; the start of a huge output is what a search needs. */
    static final int CAP = 16 * 1024;

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

    void add(Payload payload) {
        if (payload == null || full()) {
            return;
        }
        add(payload.json(), payload.tagged());
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
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            // A Space Operator value {"S": "..."} is its content; its tag is not a word to find.
            if (tagged && n.size() == 1) {
                Map.Entry<String, JsonNode> only = n.fields().next();
                if (Tag.ofKey(only.getKey()) != null) {
                    words(only.getValue(), true, b);
                    return;
                }
            }
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
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
