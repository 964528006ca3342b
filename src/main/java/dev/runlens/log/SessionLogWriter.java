package dev.runlens.log;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runlens.json.Json;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a session log (see {@link SessionLogFormat}). Not thread-safe: one owner thread writes
 * and decides when to flush. Every line ends with a newline, so a reader sees at most one torn
 * line after a crash.
 */
public final class SessionLogWriter implements Closeable, Flushable {
    private final OutputStream raw;
    private final OutputStream out;
    private final JsonGenerator gen;
    private long frames;
    private final FrameLineEncoder frameLines = new FrameLineEncoder();

    public SessionLogWriter(Path file, SessionHeader header) throws IOException {
        // Owner-only: a recording holds whatever secrets the runs carried.
        this.raw = PrivateFiles.newOutputStream(file);
        this.out = new BufferedOutputStream(raw, 1 << 16);
        this.gen = Json.factory().createGenerator(out);
        // Frame lines bypass the generator (FrameLineEncoder): its buffer is emptied into out after
        // each line it writes, which must not reach the file each time too.
        gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        // Lines are ended by hand; Jackson's default root separator would start each with a space.
        gen.setRootValueSeparator(null);
        gen.writeStartObject();
        gen.writeStringField(SessionLogFormat.MARKER, SessionLogFormat.MARKER_VALUE);
        gen.writeNumberField("version", SessionLogFormat.VERSION);
        if (header.protocol() != null) {
            gen.writeStringField("protocol", header.protocol());
        }
        if (header.url() != null) {
            gen.writeStringField("url", header.url());
        }
        if (header.startedAt() != null) {
            gen.writeStringField("started_at", header.startedAt().toString());
        }
        gen.writeStringField("app", header.app() != null ? header.app() : "runlens");
        gen.writeEndObject();
        endLine();
    }

    /** A frame line; {@code at} may be null when the receive time is unknown (converted logs). */
    public void writeFrame(Instant at, String text) throws IOException {
        frameLines.write(out, at, text);
        frames++;
    }

    /** A meta line; values are written as strings, numbers or booleans. Never pass a secret. */
    public void writeMeta(Instant at, String kind, Map<String, ?> fields) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(SessionLogFormat.AT, at.toString());
        gen.writeStringField(SessionLogFormat.META, kind);
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            switch (e.getValue()) {
                case null -> gen.writeNullField(e.getKey());
                case Number n -> gen.writeNumberField(e.getKey(), n.longValue());
                case Boolean b -> gen.writeBooleanField(e.getKey(), b);
                case com.fasterxml.jackson.databind.JsonNode tree -> {
                    // Structured meta (a Lyzr task-status answer) stays JSON, not a string of JSON.
                    gen.writeFieldName(e.getKey());
                    Json.mapper().writeTree(gen, tree);
                }
                default -> gen.writeStringField(e.getKey(), e.getValue().toString());
            }
        }
        gen.writeEndObject();
        endLine();
    }

    private void endLine() throws IOException {
        gen.writeRaw('\n');
        gen.flush();
    }

    public long frames() {
        return frames;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Closes the file without writing what is still buffered: after a failed write (a full disk)
     * a later flush could only add a torn line to the lines already written.
     */
    public void abandon() throws IOException {
        raw.close();
    }

    @Override
    public void close() throws IOException {
        try {
            gen.flush();
        } finally {
            gen.close();
            out.close();
        }
    }
}
