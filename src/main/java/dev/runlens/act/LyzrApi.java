package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.net.URI;
import java.time.Duration;

/**
 * Lyzr's {@code POST {api}/run-dag/}: the bare workflow object, the API key as {@code x-api-key};
 * answers the run's {@code task_id}. The caller opens the run's socket first (Lyzr has no replay).
 */
public final class LyzrApi {
    private final ApiTarget target;
    private final HttpCall http;

    public LyzrApi(ApiTarget target, Duration timeout) {
        this.target = target;
        this.http = new HttpCall(target, timeout);
    }

    /** Posts {@code workflow} (with its flow_name and run_name set) and returns the task_id. */
    public String runDag(ObjectNode workflow) throws ActionFailure {
        URI url = URI.create(target.base() + "/run-dag/");
        String what = "starting Lyzr run " + workflow.path("run_name").asText();
        JsonNode answer = http.send("POST", url, Json.compact(workflow), what, r -> {
            if (target.credential() != null) {
                r.header("x-api-key", target.credential().reveal());
            }
        });
        JsonNode id = answer.get("task_id");
        if (id == null || !id.isTextual() || id.textValue().isBlank()) {
            throw new ActionFailure(ActionFailure.Kind.BAD_ANSWER, HttpCall.capitalized(what)
                    + ": run-dag answered without a task_id, so the run cannot be reconciled later.");
        }
        return id.textValue();
    }
}
