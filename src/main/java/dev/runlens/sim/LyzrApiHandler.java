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
 * Lyzr's HTTP API as far as a watcher needs it: {@code POST /run-dag/} (the bare workflow object
 * with flow_name and run_name; answers the task_id and starts the run on its socket) and
 * {@code GET /task-status/{task_id}}. Both want the API key in {@code x-api-key}.
 */
final class LyzrApiHandler extends HttpHandler {
    private final SimState sim;

    LyzrApiHandler(SimState sim) {
        this.sim = sim;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getRequestURI().startsWith("/task-status")) {
            sim.countTaskStatus();
        }
        // Read the whole body first: a keep-alive connection must not be left with unread bytes.
        int length = request.getContentLength();
        if (length > 1 << 20) {
            OutputHandler.answer(response, 413, "{\"detail\":\"too large\"}");
            return;
        }
        byte[] body = length > 0 ? request.getInputStream().readNBytes(length) : new byte[0];
        if (!sim.acceptsToken(request.getHeader("x-api-key"))) {
            OutputHandler.answer(response, 401, "{\"detail\":\"Invalid or missing API key\"}");
            return;
        }
        String path = request.getRequestURI();
        if (path.startsWith("/task-status/") && request.getMethod() == Method.GET) {
            String status = sim.taskStatus(LyzrUrls.decodeSegment(path.substring("/task-status/".length())));
            Thread.sleep(sim.faults().taskStatusDelay().toMillis());
            OutputHandler.answer(response, status == null ? 404 : 200, status == null ? "{\"detail\":\"Task not found\"}" : status);
        } else if (path.startsWith("/run-dag") && request.getMethod() == Method.POST) {
            runDag(body, response);
        } else {
            OutputHandler.answer(response, 405, "{\"detail\":\"Method Not Allowed\"}");
        }
    }

    private void runDag(byte[] body, Response response) throws IOException {
        JsonNode workflow;
        try {
            workflow = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            workflow = null;
        }
        if (workflow == null || !workflow.path("flow_name").isTextual() || !workflow.path("run_name").isTextual()
                || !workflow.path("tasks").isArray()) {
            OutputHandler.answer(response, 422, "{\"detail\":\"the body is the bare workflow object: tasks, flow_name, run_name\"}");
            return;
        }
        boolean failing = false;
        for (JsonNode task : workflow.get("tasks")) {
            failing |= task.path("name").asText().equals("validate_financial_data");
        }
        String taskId = sim.runDag(workflow.get("flow_name").textValue(), workflow.get("run_name").textValue(), failing);
        OutputHandler.answer(response, 200, "{\"status\":\"processing\",\"task_id\":" + Json.nodes().textNode(taskId) + "}");
    }
}
