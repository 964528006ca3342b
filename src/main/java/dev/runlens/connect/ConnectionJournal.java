package dev.runlens.connect;

import dev.runlens.log.SessionRecorder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection's own lines in its session log (connecting, gaps, reconciliations, the end), and
 * the masking of its secrets in every sentence it writes or shows: a server may echo the token,
 * and a Lyzr task input may hold the API key.
 */
final class ConnectionJournal {
    private final ConnectionRequest request;
    private final SessionRecorder recorder;

    /** {@code recorder} may be null: nothing is written then, and sentences are still masked. */
    ConnectionJournal(ConnectionRequest request, SessionRecorder recorder) {
        this.request = request;
        this.recorder = recorder;
    }

    /** {@code text} with the token and the Lyzr API key masked. */
    String redact(String text) {
        String m = request.token() == null ? text : request.token().redact(text);
        return request.lyzrApiKey() == null ? m : request.lyzrApiKey().redact(m);
    }

    /** Records a received frame (already masked) before it is parsed. */
    void frame(Instant at, String text) {
        if (recorder != null) {
            recorder.frame(at, text);
        }
    }

    /** A meta line of {@code kind}; its text values are masked. */
    void meta(String kind, Map<String, ?> fields) {
        if (recorder != null) {
            Map<String, Object> safe = new LinkedHashMap<>();
            fields.forEach((k, v) -> safe.put(k, v instanceof String s ? redact(s) : v));
            recorder.meta(Instant.now(), kind, safe);
        }
    }
}
