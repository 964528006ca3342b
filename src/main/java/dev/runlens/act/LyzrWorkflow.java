package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * A Lyzr workflow object ready to post: read from a file (or a recorded start), given a fresh
 * unique {@code run_name} each time, since two runs of the same flow and run name would share one
 * stream. The socket path is built from the same two names.
 */
public record LyzrWorkflow(ObjectNode body, String flowName, String runName) {

    /** Reads and checks a workflow file: an object with {@code tasks} and a {@code flow_name}. */
    public static ObjectNode read(Path file) throws ActionFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "Cannot read the workflow file " + file + ".");
        }
        return parse(text, file.getFileName().toString());
    }

    /** {@code where} names the text's origin in sentences. */
    public static ObjectNode parse(String text, String where) throws ActionFailure {
        JsonNode json;
        try {
            json = Json.parse(text);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, where + " is not a JSON object, so it is not a Lyzr workflow.");
        }
        if (json.has("workflow_data")) {
            // The docs' wrapper is reported to be refused with 422: say so before posting.
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, where + " uses the {\"workflow_data\":…} wrapper; "
                    + "run-dag takes the bare workflow object (tasks, default_inputs, flow_name, edges).");
        }
        if (!json.path("tasks").isArray() || !json.path("flow_name").isTextual() || json.path("flow_name").textValue().isBlank()) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, where + " has no tasks array or no flow_name, so it is not a Lyzr workflow.");
        }
        return (ObjectNode) json;
    }

    /** A copy of {@code workflow} with a fresh run name, {@code run-<uuid>}. */
    public static LyzrWorkflow freshRun(ObjectNode workflow) {
        ObjectNode copy = workflow.deepCopy();
        String run = "run-" + UUID.randomUUID();
        copy.put("run_name", run);
        return new LyzrWorkflow(copy, copy.get("flow_name").textValue(), run);
    }

    /** The socket base beside an API base: its host with ws(s), Lyzr's {@code lao.*} becoming {@code lao-socket.*}. */
    public static URI socketBase(URI api) {
        String host = api.getHost();
        if (host.toLowerCase(Locale.ROOT).startsWith("lao.")) {
            host = "lao-socket." + host.substring("lao.".length());
        }
        String scheme = "https".equalsIgnoreCase(api.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + host + (api.getPort() >= 0 ? ":" + api.getPort() : ""));
    }
}
