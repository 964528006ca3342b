package dev.runlens.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.model.Execution;

import java.time.Duration;

/** The {@code compare --json} object (docs/compare.md). Field order is part of the format. */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    public static ObjectNode of(Comparison c) {
        ObjectNode root = Json.object();
        root.set("a", run(c.a()));
        root.set("b", run(c.b()));
        root.put("same", c.same());
        ArrayNode rows = root.putArray("executions");
        for (ExecutionComparison row : c.rows()) {
            ObjectNode r = rows.addObject();
            r.put("node", row.key().node());
            r.put("times", row.key().times());
            status(r, "status_a", row.a());
            status(r, "status_b", row.b());
            millis(r, "duration_a_ms", row.durationA());
            millis(r, "duration_b_ms", row.durationB());
            millis(r, "delta_ms", row.delta());
            r.put("ratio", Double.isNaN(row.ratio()) ? null : Math.round(row.ratio() * 1000) / 1000.0);
            r.put("input", row.input().id());
            r.put("output", row.output().id());
            r.put("differs", row.differs());
        }
        ExecutionComparison first = c.firstDifference();
        if (first == null) {
            root.putNull("first_differing_output");
        } else {
            ObjectNode f = root.putObject("first_differing_output");
            f.put("node", first.key().node());
            f.put("times", first.key().times());
            ArrayNode changes = f.putArray("changes");
            for (Difference d : c.firstOutputDiff()) {
                ObjectNode o = changes.addObject();
                o.put("kind", d.kind().id());
                o.put("path", d.path());
                o.put("b", d.before());
                o.put("a", d.after());
            }
        }
        return root;
    }

    private static ObjectNode run(LoadedRun r) {
        ObjectNode o = Json.object();
        o.put("recording", r.recording() == null ? null : r.recording().toString());
        o.put("protocol", r.run().ref().source().id());
        o.put("run", r.run().ref().runId());
        o.put("status", r.run().status().id());
        o.put("executions", r.run().executions().size());
        return o;
    }

    private static void status(ObjectNode o, String field, Execution e) {
        o.put(field, e == null ? null : e.status().id());
    }

    private static void millis(ObjectNode o, String field, Duration d) {
        o.put(field, d == null ? null : d.toNanos() / 1_000_000.0);
    }
}
