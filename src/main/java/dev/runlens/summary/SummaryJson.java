package dev.runlens.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.json.WriterOutputStream;
import dev.runlens.model.Execution;
import dev.runlens.model.Gap;
import dev.runlens.model.Run;
import dev.runlens.model.RunError;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FastTime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The {@code summary --json} object. Field order is part of the format. It is streamed, since a
 * log of a million events has hundreds of thousands of executions: building it as a tree first
 * would cost several times the memory of the model itself. {@code gaps} and {@code reconciled}
 * follow {@code output} only when a run has any, so summaries of uninterrupted streams keep
 * their exact form.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    /**
     * Writes the summary in the pretty layout ({@code Json.prettyGenerator}), followed by a
     * newline, as UTF-8 bytes. Flushes {@code out}, does not close it.
     */
    public static void write(List<Run> runs, FrameStats stats, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.prettyGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("runs");
            for (Run run : runs) {
                writeRun(g, run);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("frames");
            g.writeNumberField("total", stats.total());
            g.writeNumberField("malformed", stats.malformed());
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /**
     * The same bytes handed on to a character sink as they are written: a summary of a million
     * events is tens of MB, so it is not buffered whole. Flushes {@code out}, does not close it.
     */
    public static void write(List<Run> runs, FrameStats stats, Writer out) throws IOException {
        try (WriterOutputStream bytes = new WriterOutputStream(out)) {
            write(runs, stats, bytes);
        }
    }

    /** The summary as a tree, for small uses (exports of a run, tests). */
    public static ObjectNode of(RunModel model, FrameStats stats) {
        return of(model.runs(), stats);
    }

    public static ObjectNode of(List<Run> runs, FrameStats stats) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(runs, stats, bytes);
            return (ObjectNode) Json.mapper().readTree(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRun(JsonGenerator g, Run run) throws IOException {
        char[] timeText = new char[32];
        g.writeStartObject();
        g.writeStringField("source", run.ref().source().id());
        g.writeStringField("run_id", run.ref().runId());
        g.writeStringField("status", run.status().id());
        time(g, timeText, "started_at", run.startedAt());
        time(g, timeText, "finished_at", run.finishedAt());
        g.writeNumberField("events", run.events());
        g.writeArrayFieldStart("executions");
        for (Execution e : run.executions()) {
            g.writeStartObject();
            g.writeStringField("node", e.node());
            g.writeNumberField("times", e.times());
            g.writeStringField("status", e.status().id());
            time(g, timeText, "started_at", e.startedAt());
            time(g, timeText, "finished_at", e.finishedAt());
            g.writeNumberField("outputs", e.outputs());
            strings(g, "errors", e.errors());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "not_run", run.notRun());
        g.writeArrayFieldStart("errors");
        for (RunError err : run.errors()) {
            g.writeStartObject();
            if (err.node() == null) {
                g.writeNullField("node");
                g.writeNullField("times");
            } else {
                g.writeStringField("node", err.node());
                g.writeNumberField("times", err.times());
            }
            g.writeStringField("message", err.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("output");
        g.writeTree(run.output()); // null as JSON null
        if (!run.gaps().isEmpty()) {
            g.writeArrayFieldStart("gaps");
            for (Gap gap : run.gaps()) {
                g.writeStartObject();
                time(g, timeText, "from", gap.from());
                time(g, timeText, "to", gap.to());
                g.writeStringField("reason", gap.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!run.reconciled().isEmpty()) {
            strings(g, "reconciled", run.reconciled());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> items) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : items) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** {@code t.toString()}, written without building the String (a million of them in a large log). */
    private static void time(JsonGenerator g, char[] text, String field, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(field);
            return;
        }
        int n = FastTime.format(t, text);
        if (n < 0) {
            g.writeStringField(field, t.toString());
        } else {
            g.writeFieldName(field);
            g.writeString(text, 0, n);
        }
    }
}
