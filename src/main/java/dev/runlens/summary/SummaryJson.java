package dev.runlens.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.model.Execution;
import dev.runlens.model.Gap;
import dev.runlens.model.Run;
import dev.runlens.model.RunError;
import dev.runlens.model.RunModel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
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
     * Writes the summary in the pretty layout, followed by a newline, as UTF-8 bytes: the same
     * bytes as {@link #write(List, FrameStats, Writer)} through an UTF-8 writer, several times
     * faster (see {@link PrettyBytes}). Flushes {@code out}, does not close it.
     */
    public static void write(List<Run> runs, FrameStats stats, OutputStream out) throws IOException {
        PrettyBytes w = new PrettyBytes(out);
        OutputTexts outputs = new OutputTexts();
        w.startObject();
        w.field("runs");
        w.startArray();
        for (Run run : runs) {
            writeRun(w, run, outputs);
        }
        w.endArray();
        w.field("frames");
        w.startObject();
        w.field("total");
        w.number(stats.total());
        w.field("malformed");
        w.number(stats.malformed());
        w.endObject();
        w.endObject();
        w.raw("\n");
        w.flush();
    }

    private static void writeRun(PrettyBytes w, Run run, OutputTexts outputs) throws IOException {
        w.startObject();
        w.field("source");
        w.string(run.ref().source().id());
        w.field("run_id");
        w.string(run.ref().runId());
        w.field("status");
        w.string(run.status().id());
        w.field("started_at");
        w.instant(run.startedAt());
        w.field("finished_at");
        w.instant(run.finishedAt());
        w.field("events");
        w.number(run.events());
        w.field("executions");
        w.startArray();
        for (Execution e : run.executions()) {
            w.startObject();
            w.field("node");
            w.string(e.node());
            w.field("times");
            w.number(e.times());
            w.field("status");
            w.string(e.status().id());
            w.field("started_at");
            w.instant(e.startedAt());
            w.field("finished_at");
            w.instant(e.finishedAt());
            w.field("outputs");
            w.number(e.outputs());
            w.field("errors");
            w.startArray();
            if (e.errorCount() > 0) {
                for (String err : e.errors()) {
                    w.string(err);
                }
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.field("not_run");
        w.startArray();
        for (String n : run.notRun()) {
            w.string(n);
        }
        w.endArray();
        w.field("errors");
        w.startArray();
        for (RunError err : run.errors()) {
            w.startObject();
            w.field("node");
            if (err.node() == null) {
                w.nullValue();
                w.field("times");
                w.nullValue();
            } else {
                w.string(err.node());
                w.field("times");
                w.number(err.times());
            }
            w.field("message");
            w.string(err.message());
            w.endObject();
        }
        w.endArray();
        JsonNode output = run.output();
        if (output == null) {
            w.field("output");
            w.nullValue();
        } else {
            // Any JSON value, written by Jackson itself at this depth (a few per summary).
            w.fieldName("output");
            w.raw(outputs.text(output));
        }
        if (!run.gaps().isEmpty()) {
            w.field("gaps");
            w.startArray();
            for (Gap gap : run.gaps()) {
                w.startObject();
                w.field("from");
                w.instant(gap.from());
                w.field("to");
                w.instant(gap.to());
                w.field("reason");
                w.string(gap.reason());
                w.endObject();
            }
            w.endArray();
        }
        if (!run.reconciled().isEmpty()) {
            w.field("reconciled");
            w.startArray();
            for (String task : run.reconciled()) {
                w.string(task);
            }
            w.endArray();
        }
        w.endObject();
    }

    /**
     * A run's output as Jackson's pretty generator writes it inside a run of the summary: the
     * separator after {@code "output"} and the value, indented for that depth.
     */
    private static final class OutputTexts {
        private final StringWriter text = new StringWriter();
        private final JsonGenerator g;

        OutputTexts() throws IOException {
            g = Json.prettyGenerator(text);
            g.writeStartObject();
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
        }

        String text(JsonNode output) throws IOException {
            g.writeFieldName("output");
            g.flush();
            int from = text.getBuffer().length();  // after "output", before the separator
            g.writeTree(output);
            g.flush();
            String written = text.getBuffer().substring(from);
            text.getBuffer().setLength(0);
            return written;
        }
    }

    /**
     * Writes the summary in the pretty layout, followed by a newline, through Jackson's generator
     * (for trees and small uses; the command line writes bytes with the method above).
     */
    public static void write(List<Run> runs, FrameStats stats, Writer out) throws IOException {
        JsonGenerator g = Json.prettyGenerator(out);
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
        g.flush();
        out.write('\n');
        out.flush();
    }

    /** The summary as a tree, for small uses (exports of a run, tests). */
    public static ObjectNode of(RunModel model, FrameStats stats) {
        return of(model.runs(), stats);
    }

    public static ObjectNode of(List<Run> runs, FrameStats stats) {
        StringWriter w = new StringWriter();
        try {
            write(runs, stats, w);
            return (ObjectNode) Json.parse(w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRun(JsonGenerator g, Run run) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", run.ref().source().id());
        g.writeStringField("run_id", run.ref().runId());
        g.writeStringField("status", run.status().id());
        time(g, "started_at", run.startedAt());
        time(g, "finished_at", run.finishedAt());
        g.writeNumberField("events", run.events());
        g.writeArrayFieldStart("executions");
        for (Execution e : run.executions()) {
            g.writeStartObject();
            g.writeStringField("node", e.node());
            g.writeNumberField("times", e.times());
            g.writeStringField("status", e.status().id());
            time(g, "started_at", e.startedAt());
            time(g, "finished_at", e.finishedAt());
            g.writeNumberField("outputs", e.outputs());
            g.writeArrayFieldStart("errors");
            for (String err : e.errors()) {
                g.writeString(err);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("not_run");
        for (String n : run.notRun()) {
            g.writeString(n);
        }
        g.writeEndArray();
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
        JsonNode output = run.output();
        g.writeFieldName("output");
        if (output == null) {
            g.writeNull();
        } else {
            g.writeTree(output);
        }
        if (!run.gaps().isEmpty()) {
            g.writeArrayFieldStart("gaps");
            for (Gap gap : run.gaps()) {
                g.writeStartObject();
                time(g, "from", gap.from());
                time(g, "to", gap.to());
                g.writeStringField("reason", gap.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!run.reconciled().isEmpty()) {
            g.writeArrayFieldStart("reconciled");
            for (String task : run.reconciled()) {
                g.writeString(task);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, t.toString());
        }
    }
}
