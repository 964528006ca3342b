package dev.runlens.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;

/**
 * Lyzr's {@code GET {api}/task-status/{task_id}} with the API key as {@code x-api-key}: which
 * tasks of a run completed (with their outputs) and whether the run ended. Same trust rules as
 * the socket. Never throws: a failure is one sentence for the operator, without the key.
 */
final class TaskStatusFetcher {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Either an answer ({@code status}, {@code results}) or a {@code failure} sentence; {@code refused}: the key was rejected. */
    record Result(String status, ObjectNode results, String failure, boolean refused) {
        static Result failed(String sentence, boolean refused) {
            return new Result(null, null, sentence, refused);
        }

        /** completed, failed or error: the run is over. */
        boolean ended() {
            return "completed".equals(status) || "failed".equals(status) || "error".equals(status);
        }
    }

    private TaskStatusFetcher() {
    }

    static Result fetch(ConnectionRequest request, String taskId) {
        URI base = request.lyzrApiBase();
        if (request.sendsLyzrKeyInClear() && !request.allowInsecure()) {
            return Result.failed("Refusing to send the Lyzr API key unencrypted over http:// to " + base.getHost()
                    + ": use https://, or allow insecure connections explicitly.", true);
        }
        String key = request.lyzrApiKey().reveal();
        try {
            URI url = URI.create(base + "/task-status/" + LyzrUrls.encodeSegment(taskId));
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
            if ("https".equalsIgnoreCase(url.getScheme())) {
                client.sslContext(TlsContexts.create(request.truststore()));
            }
            HttpRequest get = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("x-api-key", key).GET().build();
            HttpResponse<String> response = client.build().send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int code = response.statusCode();
            if (code == 401 || code == 403) {
                return Result.failed("The Lyzr API at " + base + " refused the API key (HTTP " + code
                        + "), so the run cannot be reconciled from task-status.", true);
            }
            if (code == 404) {
                return Result.failed("The Lyzr API at " + base + " does not know task_id " + taskId
                        + " (HTTP 404), so the run cannot be reconciled from task-status.", false);
            }
            if (code != 200) {
                return Result.failed("task-status at " + base + " answered HTTP " + code + ", so the run was not reconciled.", false);
            }
            return parse(response.body(), base);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Result.failed(request.lyzrApiKey().redact("Could not ask the Lyzr API at " + base + " for task-status ("
                    + why.toLowerCase(Locale.ROOT).strip() + "), so the run was not reconciled."), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("task-status was interrupted, so the run was not reconciled.", false);
        }
    }

    static Result parse(String body, URI base) {
        JsonNode answer;
        try {
            answer = Json.parse(body);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.path("status").isTextual()) {
            return Result.failed("task-status at " + base + " answered something that is not a task status, so the run was not reconciled.", false);
        }
        JsonNode results = answer.path("results");
        return new Result(answer.get("status").textValue().toLowerCase(Locale.ROOT),
                results.isObject() ? (ObjectNode) results : Json.object(), null, false);
    }
}
