package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.json.Json;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /flow/start/{flow_id}} as Space Operator answers it: 401 without the token, 404
 * {@code not found} for a flow it does not have, else {@code {"flow_run_id":..}}. A body it cannot
 * parse is ignored and the flow starts with no inputs, as the real server does.
 */
final class FlowStartHandler extends HttpHandler {
    private final SimActions actions;

    FlowStartHandler(SimActions actions) {
        this.actions = actions;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        byte[] body = FlowStopHandler.body(request);
        if (body == null) {
            OutputHandler.answer(response, 413, "{\"error\":\"payload too large\"}");
            return;
        }
        if (request.getMethod() != Method.POST) {
            OutputHandler.answer(response, 405, "{\"error\":\"method not allowed\"}");
            return;
        }
        if (!actions.state().acceptsToken(SimActions.token(request))) {
            OutputHandler.answer(response, 401, "{\"error\":\"unauthenticated\"}");
            return;
        }
        String path = request.getRequestURI();
        SoScenario scenario = SimActions.scenarioOf(LyzrUrls.decodeSegment(path.substring(path.lastIndexOf('/') + 1)));
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
