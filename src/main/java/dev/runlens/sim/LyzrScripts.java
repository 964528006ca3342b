package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lyzr workflow frames, without their timestamp (added when sent). Keepalives are mixed in,
 * as Lyzr's socket sends them between events.
 */
final class LyzrScripts {
    private final String flow;
    private final String run;
    private final List<ObjectNode> frames = new ArrayList<>();

    private LyzrScripts(String flow, String run) {
        this.flow = flow;
        this.run = run;
    }

    static List<ObjectNode> script(LyzrScenario scenario, String flow, String run) {
        LyzrScripts s = new LyzrScripts(flow, run);
        if (scenario == LyzrScenario.SUPPORT_PIPELINE) {
            s.support();
        } else if (scenario == LyzrScenario.HUGE_NUMBERS) {
            s.hugeNumbers();
        } else {
            s.failure();
        }
        return List.copyOf(s.frames);
    }

    private void support() {
        ObjectNode start = event("flow_started");
        start.put("task_id", "cust-support-" + run);
        start.put("message", "Starting customer support workflow");
        String sentiment = task("sentiment_analyzer", "{\"config\":{\"agent_id\":\"agent-sentiment\"},\"message\":\"My order arrived broken, twice.\"}");
        keepalive();
        completed("sentiment_analyzer", sentiment, "{\"sentiment\":\"highly_negative\",\"confidence\":0.94}", "5.33");
        String categorise = task("categorize_ticket", "{\"message\":{\"depends\":\"sentiment_analyzer\"}}");
        completed("categorize_ticket", categorise, "\"shipping_damage\"", "2.1");
        String crm = task("update_crm", "{\"config\":{\"url\":\"https://crm.example.com/api/tickets\",\"method\":\"POST\"}}");
        keepalive();
        completed("update_crm", crm, "{\"ticket\":\"T-78453\",\"status\":\"escalated\"}", "0.82");
        ObjectNode done = event("flow_completed");
        done.set("output", parse("{\"sentiment_analyzer\":{\"sentiment\":\"highly_negative\",\"confidence\":0.94},"
                + "\"categorize_ticket\":\"shipping_damage\",\"update_crm\":{\"ticket\":\"T-78453\",\"status\":\"escalated\"}}"));
        done.put("total_execution_time", new java.math.BigDecimal("8.25"));
    }

    private void hugeNumbers() {
        event("flow_started");
        String id = task("measure", "{\"scale\":1e400000000}");
        ObjectNode done = event("task_completed");
        done.put("task_name", "measure");
        done.put("task_id", id);
        done.set("execution_time", parse("1e400000000"));
        done.set("output", parse("{\"value\":1e400000000,\"tiny\":-1e-400000000}"));
        ObjectNode end = event("flow_completed");
        end.set("timestamp", parse("1e400000000"));  // kept when sent: it is the point of the scenario
        end.set("output", parse("{\"measure\":1e400000000}"));
    }

    private void failure() {
        ObjectNode start = event("flow_started");
        start.put("message", "Starting daily financial batch");
        String load = task("load_records", "{\"source\":\"s3://finance/daily\"}");
        completed("load_records", load, "{\"records\":45000}", "12.4");
        task("validate_financial_data", "{\"records\":{\"depends\":\"load_records\"}}");
        keepalive();
        ObjectNode failed = event("task_failed");
        failed.put("task_name", "validate_financial_data");
        failed.put("execution_time", new java.math.BigDecimal("44.33"));
        failed.set("error", parse("{\"type\":\"DataValidationError\",\"message\":\"1,247 records failed validation checks\","
                + "\"code\":\"VALIDATION_FAILED\",\"details\":{\"total_records\":45000,\"failed_records\":1247}}"));
        failed.set("partial_results", parse("{\"valid_records\":43753}"));
        ObjectNode error = event("flow_error");
        error.set("error", parse("{\"type\":\"PipelineHaltedError\",\"message\":\"Data quality threshold not met, stopping pipeline\","
                + "\"code\":\"QUALITY_THRESHOLD_FAILED\"}"));
        error.set("partial_results", parse("{\"processed_records\":43753}"));
    }

    private String task(String name, String input) {
        String id = UUID.nameUUIDFromBytes((run + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        ObjectNode e = event("task_started");
        e.put("task_id", id);
        e.put("task_name", name);
        e.set("input", parse(input));
        return id;
    }

    private void completed(String name, String id, String output, String seconds) {
        ObjectNode e = event("task_completed");
        e.put("task_id", id);
        e.put("task_name", name);
        e.put("execution_time", new java.math.BigDecimal(seconds));
        e.set("output", parse(output));
    }

    private void keepalive() {
        ObjectNode k = Json.object();
        k.put("event_type", "keepalive");
        frames.add(k);
    }

    private ObjectNode event(String type) {
        ObjectNode e = Json.object();
        e.put("event_type", type);
        e.put("flow_name", flow);
        e.put("run_name", run);
        frames.add(e);
        return e;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bad scripted JSON: " + json, e);
        }
    }
}
