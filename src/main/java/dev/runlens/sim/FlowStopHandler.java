package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.json.Json;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /flow/stop/{run_id}} (optional {@code {"timeout_millies":..,"reason":..}}): 401
 * without the token, 404 {@code not found} for a run that is not live (unknown or finished),
 * else {@code {"success":true}} and the run ends with the events of a stop ({@link SimActions}).
 */
final class FlowStopHandler extends HttpHandler {
    private final SimActions actions;

    FlowStopHandler(SimActions actions) {
        this.actions = actions;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        byte[] body = body(request);
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
        String runId = LyzrUrls.decodeSegment(path.substring(path.lastIndexOf('/') + 1));
        String reason = null;
        try {
            JsonNode json = body.length == 0 ? null : Json.parse(new String(body, StandardCharsets.UTF_8));
            reason = json == null || !json.path("reason").isTextual() ? null : json.get("reason").textValue();
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

    /** The whole body (read first: a keep-alive connection must not keep unread bytes), or null past 1 MB. */
    static byte[] body(Request request) throws IOException {
        int length = request.getContentLength();
        if (length > 1 << 20) {
            return null;
        }
        if (length >= 0) {
            return request.getInputStream().readNBytes(length);
        }
        byte[] chunked = request.getInputStream().readNBytes((1 << 20) + 1); // no length: read to the end
        return chunked.length > 1 << 20 ? null : chunked;
    }
}
