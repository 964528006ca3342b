package dev.runlens.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.model.Execution;
import dev.runlens.model.Gap;
import dev.runlens.model.Run;
import dev.runlens.model.RunError;
import dev.runlens.model.RunModel;

import java.time.Instant;
import java.util.List;

/**
 * The {@code summary --json} object. Field order is part of the format. {@code gaps} and
 * {@code reconciled} follow {@code output} only when a run has any, so summaries of
 * uninterrupted streams keep their exact form.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static ObjectNode of(RunModel model, FrameStats stats) {
        return of(model.runs(), stats);
    }

    public static ObjectNode of(List<Run> runs, FrameStats stats) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("runs");
        for (Run run : runs) {
            arr.add(run(run));
        }
        ObjectNode frames = root.putObject("frames");
        frames.put("total", stats.total());
        frames.put("malformed", stats.malformed());
        return root;
    }

    public static ObjectNode run(Run run) {
        ObjectNode r = Json.object();
        r.put("source", run.ref().source().id());
        r.put("run_id", run.ref().runId());
        r.put("status", run.status().id());
        time(r, "started_at", run.startedAt());
        time(r, "finished_at", run.finishedAt());
        r.put("events", run.events());
        ArrayNode execs = r.putArray("executions");
        for (Execution e : run.executions()) {
            ObjectNode x = execs.addObject();
            x.put("node", e.node());
            x.put("times", e.times());
            x.put("status", e.status().id());
            time(x, "started_at", e.startedAt());
            time(x, "finished_at", e.finishedAt());
            x.put("outputs", e.outputs());
            ArrayNode errs = x.putArray("errors");
            e.errors().forEach(errs::add);
        }
        ArrayNode notRun = r.putArray("not_run");
        run.notRun().forEach(notRun::add);
        ArrayNode errors = r.putArray("errors");
        for (RunError err : run.errors()) {
            ObjectNode o = errors.addObject();
            if (err.node() == null) {
                o.putNull("node");
                o.putNull("times");
            } else {
                o.put("node", err.node());
                o.put("times", err.times());
            }
            o.put("message", err.message());
        }
        JsonNode output = run.output();
        if (output == null) {
            r.putNull("output");
        } else {
            r.set("output", output);
        }
        if (!run.gaps().isEmpty()) {
            ArrayNode gaps = r.putArray("gaps");
            for (Gap g : run.gaps()) {
                ObjectNode o = gaps.addObject();
                time(o, "from", g.from());
                time(o, "to", g.to());
                o.put("reason", g.reason());
            }
        }
        if (!run.reconciled().isEmpty()) {
            ArrayNode rec = r.putArray("reconciled");
            run.reconciled().forEach(rec::add);
        }
        return r;
    }

    private static void time(ObjectNode o, String field, Instant t) {
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, t.toString());
        }
    }
}
