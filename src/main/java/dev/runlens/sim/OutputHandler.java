package dev.runlens.sim;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /flow/output/{run_id}} as Space Operator answers it: the output of a finished run at
 * once, a live run's once it finishes (the answer is held back meanwhile), 404 for a run unknown.
 */
final class OutputHandler extends HttpHandler {
    /** How long a live run's answer is held back at most (the real server holds it until the run ends). */
    private static final java.time.Duration HOLD_AT_MOST = java.time.Duration.ofMinutes(5);
    private final SimState sim;

    OutputHandler(SimState sim) {
        this.sim = sim;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!sim.acceptsToken(SimActions.token(request))) {
            answer(response, 401, "{\"error\":\"unauthenticated\"}");
            return;
        }
        String path = request.getRequestURI();
        String runId = path.substring(path.lastIndexOf('/') + 1);
        String output = sim.awaitFinishedOutput(runId, HOLD_AT_MOST);
        if (output == null) {
            answer(response, 404, "{\"error\":\"not found\"}");
        } else {
            answer(response, 200, output);
        }
    }

    static void answer(Response response, int status, String body) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
