package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /flow/start/{flow_id}} as Space Operator answers it: 401 without the token, 404
 * {@code not found} for a flow it does not have, else {@code {"flow_run_id":..}}. A body it cannot
 * parse is ignored and the flow starts with no inputs, as the real server does.
 */
final class FlowStartHandler extends TokenPostHandler {
    FlowStartHandler(SimActions actions) {
        super(actions);
    }

    @Override
    void post(Response response, byte[] body, String flowId) throws IOException {
        SoScenario scenario = SimActions.scenarioOf(flowId);
        if (scenario == null) {
            OutputHandler.answer(response, 404, "{\"error\":\"not found\"}");
            return;
        }
        String id = actions.start(scenario, inputs(body));
        OutputHandler.answer(response, 200, "{\"flow_run_id\":" + Json.nodes().textNode(id) + "}");
    }

    /** The inputs object, or null when the body is not {@code {"inputs":{...}}} (then ignored, like the server). */
    private static ObjectNode inputs(byte[] body) {
        try {
            JsonNode json = Json.parse(new String(body, StandardCharsets.UTF_8));
            return json != null && json.path("inputs") instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }
}
