package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.json.Json;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Space Operator's HTTP actions: start a flow, stop a run, answer or cancel an {@code ApiInput}.
 * The token goes as {@code x-api-key} (API keys, {@code b3-}) or as a Bearer header (JWTs and
 * flow-run tokens), as the server wants. Each call either does what it says or throws one
 * sentence; nothing is retried, since a start that is retried may start two runs.
 */
public final class SpaceOperatorApi {
    private final ApiTarget target;
    private final HttpCall http;

    public SpaceOperatorApi(ApiTarget target) {
        this(target, null);
    }

    /** {@code timeout}: how long to wait for each answer (null: 15 s). */
    public SpaceOperatorApi(ApiTarget target, Duration timeout) {
        this.target = target;
        this.http = new HttpCall(target, timeout);
    }

    /** {@code POST /flow/start/{flow_id}} with the inputs tagged; returns the new run's flow_run_id. */
    public String start(String flowId, Map<String, Value> inputs) throws ActionFailure {
        String body = Json.compact(startBody(inputs));
        URI url = URI.create(target.base() + "/flow/start/" + LyzrUrls.encodeSegment(flowId));
        JsonNode answer = http.send("POST", url, body, "starting flow " + flowId, this::auth);
        JsonNode id = answer.get("flow_run_id");
        if (id == null || !id.isTextual() || id.textValue().isBlank()) {
            throw new ActionFailure(ActionFailure.Kind.BAD_ANSWER, "Starting flow " + flowId + ": the server answered without a "
                    + "flow_run_id, so there is no run to watch.");
        }
        return id.textValue();
    }

    /** The body of a start: {@code {"inputs":{name: tagged value}}}, refusing a malformed value before anything is sent. */
    static ObjectNode startBody(Map<String, Value> inputs) throws ActionFailure {
        ObjectNode body = Json.object();
        ObjectNode in = body.putObject("inputs");
        for (Map.Entry<String, Value> e : inputs.entrySet()) {
            if (!e.getValue().wellFormed()) {
                throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "The input \"" + e.getKey()
                        + "\" is not a correctly tagged value, so the flow was not started.");
            }
            in.set(e.getKey(), ValueCodec.encode(e.getValue()));
        }
        return body;
    }

    /** {@code POST /flow/stop/{run_id}}, with the reason when one is given. */
    public void stop(String runId, String reason) throws ActionFailure {
        String body = null;
        if (reason != null && !reason.isBlank()) {
            ObjectNode b = Json.object();
            b.put("reason", reason.strip());
            body = Json.compact(b);
        }
        URI url = URI.create(target.base() + "/flow/stop/" + LyzrUrls.encodeSegment(runId));
        JsonNode answer = http.send("POST", url, body, "stopping run " + runId, this::auth);
        JsonNode success = answer.get("success");
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            throw new ActionFailure(ActionFailure.Kind.SERVER, "Stopping run " + runId + ": the server answered that it did not stop it.");
        }
    }

    /** Answers an {@code ApiInput}: {@code POST <url>} with {@code {"value": tagged}}. */
    public void answer(URI inputUrl, Value value) throws ActionFailure {
        if (!value.wellFormed()) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "The answer is not a correctly tagged value, so it was not sent.");
        }
        ObjectNode b = Json.object();
        b.set("value", ValueCodec.encode(value));
        http.send("POST", checked(inputUrl), Json.compact(b), "answering the input", inputAuth(inputUrl));
    }

    /** Cancels an {@code ApiInput}: {@code DELETE <url>}. */
    public void cancel(URI inputUrl) throws ActionFailure {
        http.send("DELETE", checked(inputUrl), null, "cancelling the input", inputAuth(inputUrl));
    }

    private URI checked(URI url) throws ActionFailure {
        String s = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!s.equals("http") && !s.equals("https") || url.getHost() == null) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "The input's URL " + url + " is not an http(s) URL, so nothing was sent.");
        }
        return url;
    }

    /**
     * The URL comes from an event, so anyone who can put events in a run chooses it: the token goes
     * only to the server it was given for (same scheme, host and port); elsewhere the URL alone answers.
     */
    private java.util.function.Consumer<HttpRequest.Builder> inputAuth(URI inputUrl) {
        return sameOrigin(inputUrl, target.base()) ? this::auth : r -> { };
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private void auth(HttpRequest.Builder request) {
        if (target.credential() == null) {
            return;
        }
        String token = target.credential().reveal();
        if (token.startsWith("b3-")) {
            request.header("x-api-key", token);
        } else {
            request.header("Authorization", "Bearer " + token);
        }
    }
}
