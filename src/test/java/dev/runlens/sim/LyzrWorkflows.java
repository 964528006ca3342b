package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.util.List;

/** Workflow files for {@code runlens start --lyzr-workflow} and the window's Lyzr start, in the tests. */
public final class LyzrWorkflows {
    private LyzrWorkflows() {
    }

    /**
     * A bare workflow object for {@code POST /run-dag/} naming the tasks of {@code scenario}
     * (the simulator plays that scenario's script under the given names).
     */
    public static String of(LyzrScenario scenario, String flowName, String runName) {
        ObjectNode w = Json.object();
        ArrayNode tasks = w.putArray("tasks");
        List<String> names = scenario == LyzrScenario.FAILURE
                ? List.of("load_records", "validate_financial_data")
                : List.of("sentiment_analyzer", "categorize_ticket", "update_crm");
        String previous = null;
        for (String n : names) {
            ObjectNode t = tasks.addObject();
            t.put("name", n);
            t.put("function", "call_lyzr_agent");
            ObjectNode params = t.putObject("params");
            if (previous == null) {
                params.putObject("message").put("input", "message");
            } else {
                params.putObject("message").put("depends", previous);
            }
            previous = n;
        }
        w.putObject("default_inputs").put("message", "My order arrived broken, twice.");
        w.put("flow_name", flowName);
        w.put("run_name", runName);
        w.putArray("edges");
        return Json.compact(w);
    }
}
