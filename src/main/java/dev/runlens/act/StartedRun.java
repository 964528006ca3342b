package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How Runlens started a run, as the session log's {@code run_started} meta line records it, so
 * "Run again" can start it with the same inputs (Space Operator) or workflow (Lyzr). Runs that
 * Runlens did not start have no such line: their inputs are not known.
 *
 * @param runId   the flow_run_id, or Lyzr's {@code flow_name/run_name}
 * @param flowId  the Space Operator flow id, or null for Lyzr
 * @param inputs  the tagged inputs as compact JSON (Space Operator), or null
 * @param workflow the posted workflow as compact JSON (Lyzr), or null
 * @param taskId  the task_id run-dag answered (Lyzr), or null
 */
public record StartedRun(String runId, String flowId, String inputs, String workflow, String taskId) {
    public static final String META = "run_started";

    public static StartedRun spaceOperator(String runId, String flowId, String taggedInputs) {
        return new StartedRun(runId, flowId, taggedInputs, null, null);
    }

    public static StartedRun lyzr(LyzrWorkflow w, String taskId) {
        return new StartedRun(w.flowName() + "/" + w.runName(), null, null, Json.compact(w.body()), taskId);
    }

    /** The meta line's fields (all strings: the session log's meta rule). */
    public Map<String, Object> metaFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("source", flowId != null ? "space-operator" : "lyzr");
        f.put("run_id", runId);
        if (flowId != null) {
            f.put("flow_id", flowId);
            f.put("inputs", inputs == null ? "{}" : inputs);
        } else {
            f.put("task_id", taskId);
            f.put("workflow", workflow);
        }
        return f;
    }

    /** The workflow as an object (Lyzr), or null. */
    public ObjectNode workflowObject() {
        try {
            return workflow == null ? null : Json.parse(workflow) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Every {@code run_started} line of a session log (plain or gzip), by run id; empty when there are none or it cannot be read. */
    public static Map<String, StartedRun> readAll(Path log) {
        Map<String, StartedRun> out = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(log);
             InputStream in = gunzipped(raw);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.contains("\"meta\":\"" + META + "\"")) {
                    continue; // frames are never parsed here: only the few meta lines
                }
                StartedRun s = parse(line);
                if (s != null) {
                    out.put(s.runId(), s);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static StartedRun parse(String line) {
        JsonNode n;
        try {
            n = Json.parse(line);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !META.equals(n.path("meta").asText()) || !n.path("run_id").isTextual()) {
            return null;
        }
        // textValue() is null for a missing or non-text field.
        return new StartedRun(n.get("run_id").textValue(), n.path("flow_id").textValue(), n.path("inputs").textValue(),
                n.path("workflow").textValue(), n.path("task_id").textValue());
    }

    private static InputStream gunzipped(InputStream raw) throws IOException {
        InputStream in = new java.io.BufferedInputStream(raw);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in) : in;
    }
}
