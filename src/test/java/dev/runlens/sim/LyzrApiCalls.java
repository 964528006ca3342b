package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a Lyzr client sends the simulator's HTTP API: run-dag and task-status, for tests. */
public final class LyzrApiCalls {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LyzrApiCalls() {
    }

    public record Answer(int status, JsonNode body) {
    }

    /** {@code POST /run-dag/}; {@code key} null sends no x-api-key. */
    public static Answer runDag(Simulator sim, String key, String workflow) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.lyzrApiUrl() + "/run-dag/"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(workflow));
        return send(b, key);
    }

    /** Posts the scenario's workflow under these names and returns the task_id. */
    public static String startRun(Simulator sim, LyzrScenario scenario, String flow, String run) throws Exception {
        Answer a = runDag(sim, sim.demoToken(), LyzrWorkflows.of(scenario, flow, run));
        if (a.status() != 200) {
            throw new AssertionError("run-dag answered " + a);
        }
        return a.body().get("task_id").textValue();
    }

    public static Answer taskStatus(Simulator sim, String key, String taskId) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sim.lyzrApiUrl() + "/task-status/" + taskId)).GET(), key);
    }

    private static Answer send(HttpRequest.Builder b, String key) throws Exception {
        if (key != null) {
            b.header("x-api-key", key);
        }
        HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        try {
            return new Answer(r.statusCode(), Json.parse(r.body()));
        } catch (java.io.IOException e) {
            throw new AssertionError("HTTP " + r.statusCode() + " with a body that is not JSON: " + r.body(), e);
        }
    }
}
