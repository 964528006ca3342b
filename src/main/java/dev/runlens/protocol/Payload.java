package dev.runlens.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A node input or output as it arrived: a tagged Space Operator value, or Lyzr's plain JSON.
 * The streaming decoder keeps only the raw JSON text; the tree is built when first asked for,
 * so frames that are applied and never inspected cost no tree at all.
 */
public final class Payload {
    private final boolean tagged;
    private final String raw;
    private volatile JsonNode json;

    public Payload(JsonNode json, boolean tagged) {
        this.json = Objects.requireNonNull(json, "json");
        this.raw = null;
        this.tagged = tagged;
    }

    private Payload(String raw, boolean tagged) {
        this.raw = raw;
        this.tagged = tagged;
    }

    public static Payload tagged(JsonNode json) {
        return json == null || json.isMissingNode() ? null : new Payload(json, true);
    }

    public static Payload plain(JsonNode json) {
        return json == null || json.isMissingNode() ? null : new Payload(json, false);
    }

    /** A payload from JSON text that the caller's parser already found well formed. */
    static Payload ofRaw(String raw, boolean tagged) {
        return new Payload(raw, tagged);
    }

    public boolean tagged() {
        return tagged;
    }

    /** The payload as a JSON tree (tagged form for Space Operator). */
    public JsonNode json() {
        JsonNode j = json;
        if (j == null) {
            try {
                j = Json.parse(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("payload text was checked when the frame was read", e);
            }
            json = j;
        }
        return j;
    }

    /** The payload as JSON text, compact. */
    public String text() {
        return raw != null ? raw : Json.compact(json);
    }

    /** The plain JSON form (already plain for Lyzr). */
    public JsonNode plain() {
        return tagged ? ValueCodec.toPlain(json()) : json();
    }

    /** The decoded value; only meaningful for tagged payloads. */
    public Value value() {
        return ValueCodec.decode(json());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && p.tagged == tagged && p.json().equals(json());
    }

    @Override
    public int hashCode() {
        return json().hashCode() * 31 + (tagged ? 1 : 0);
    }

    @Override
    public String toString() {
        String t = text();
        return "Payload[" + (tagged ? "tagged " : "plain ") + (t.length() > 80 ? t.substring(0, 80) + "…" : t) + "]";
    }
}
