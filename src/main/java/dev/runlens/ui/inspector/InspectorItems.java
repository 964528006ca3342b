package dev.runlens.ui.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.protocol.Payload;
import dev.runlens.ui.rows.FrameRef;

import java.time.Instant;

/** The pieces the inspector shows, produced off the FX thread by {@link InspectorLoader}. */
public final class InspectorItems {
    private InspectorItems() {
    }

    /**
     * An input or output payload. When its frame is over the size limit, {@code payload} is null
     * and {@code tooBig} is set until the operator asks to see it anyway.
     */
    public record PayloadDoc(String label, Instant time, Payload payload, FrameRef ref, int size, boolean tooBig) {
        public PayloadDoc loaded(Payload p) {
            return new PayloadDoc(label, time, p, ref, size, false);
        }
    }

    public record ErrorItem(Instant time, String message, JsonNode detail) {
    }

    public record LogItem(Instant time, String level, String module, String content) {
    }

    /** One frame as received; {@code text} is null when the frame is over the size limit. */
    public record RawItem(long sequence, Instant receivedAt, String kind, FrameRef ref, String text) {
    }

    public enum Tab { INPUT, OUTPUT, ERRORS, LOGS, RAW }
}
