package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /flow/stop/{run_id}} (optional {@code {"timeout_millies":..,"reason":..}}): 401
 * without the token, 404 {@code not found} for a run that is not live (unknown or finished),
 * else {@code {"success":true}} and the run ends with the events of a stop ({@link SimActions}).
 */
final class FlowStopHandler extends TokenPostHandler {
    FlowStopHandler(SimActions actions) {
        super(actions);
    }

    @Override
    void post(Response response, byte[] body, String runId) throws IOException {
        String reason = null;
        try {
            JsonNode json = body.length == 0 ? null : Json.parse(new String(body, StandardCharsets.UTF_8));
            reason = json == null ? null : json.path("reason").textValue();
        } catch (IOException e) {
            OutputHandler.answer(response, 400, "{\"error\":\"invalid JSON body\"}");
            return;
        }
        if (actions.stop(runId, reason)) {
            OutputHandler.answer(response, 200, "{\"success\":true}");
        } else {
            OutputHandler.answer(response, 404, "{\"error\":\"not found\"}");
        }
    }
}
