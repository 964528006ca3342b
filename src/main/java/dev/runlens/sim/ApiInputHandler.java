package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.value.ValueCodec;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The URL of an {@code ApiInput} event: {@code POST} with {@code {"value":<tagged>}} answers it,
 * {@code DELETE} cancels it. The URL itself is the capability (no token needed; a wrong one is
 * refused). 404 when no run waits there; 400 with the reason for a value that is not tagged right.
 */
final class ApiInputHandler extends HttpHandler {
    private final SimActions actions;

    ApiInputHandler(SimActions actions) {
        this.actions = actions;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        byte[] body = TokenPostHandler.body(request);
        if (body == null) {
            OutputHandler.answer(response, 413, "{\"error\":\"payload too large\"}");
            return;
        }
        String token = SimActions.token(request);
        if (token != null && !actions.state().acceptsToken(token)) {
            OutputHandler.answer(response, 401, "{\"error\":\"unauthenticated\"}");
            return;
        }
        SoRun run = actions.waitingOn(request.getRequestURI());
        if (run == null) {
            OutputHandler.answer(response, 404, "{\"error\":\"not found\"}");
            return;
        }
        if (request.getMethod() == Method.DELETE) {
            actions.cancel(run);
            OutputHandler.answer(response, 200, "{\"success\":true}");
        } else if (request.getMethod() == Method.POST) {
            JsonNode value;
            try {
                value = Json.parse(new String(body, StandardCharsets.UTF_8)).get("value");
            } catch (IOException | NullPointerException e) {
                value = null;
            }
            if (value == null || !ValueCodec.decode(value).wellFormed()) {
                OutputHandler.answer(response, 400, "{\"error\":\"the body must be {\\\"value\\\": <tagged value>}\"}");
                return;
            }
            actions.answer(run, value);
            OutputHandler.answer(response, 200, "{\"success\":true}");
        } else {
            OutputHandler.answer(response, 405, "{\"error\":\"method not allowed\"}");
        }
    }
}
