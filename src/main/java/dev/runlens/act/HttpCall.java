package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.TlsContexts;
import dev.runlens.json.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One HTTP request of an action, with the JDK's client: the credential checked against the
 * transport first, every failure turned into one {@link ActionFailure} sentence (401, 403, 404,
 * the server's {@code error} text for the rest, a body that is not JSON, no answer in time).
 * Redirects are not followed, so a credential never goes where it was not sent.
 */
final class HttpCall {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final ApiTarget target;
    private final Duration timeout;

    HttpCall(ApiTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /**
     * Sends {@code method} to {@code url} with {@code body} (JSON, or null) and returns the answer's
     * JSON ({@code what} names the action in sentences: "starting flow F"). {@code auth} adds the
     * credential's headers.
     */
    JsonNode send(String method, URI url, String body, String what, Consumer<HttpRequest.Builder> auth) throws ActionFailure {
        target.checkTransport(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Accept", "application/json");
        auth.accept(request);
        HttpResponse<String> response;
        try (HttpClient client = client(url)) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ActionFailure(ActionFailure.Kind.TIMEOUT, capitalized(what) + " got no answer from " + host(url)
                    + " within " + timeout.toSeconds() + " s, so it may or may not have happened.");
        } catch (ConnectException e) {
            throw new ActionFailure(ActionFailure.Kind.NETWORK, capitalized(what) + " failed: the connection to " + host(url)
                    + " was refused (is the server running there?).");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            throw new ActionFailure(ActionFailure.Kind.NETWORK, redact(capitalized(what) + " failed: could not reach " + host(url)
                    + " (" + why.toLowerCase(Locale.ROOT) + ")."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailure(ActionFailure.Kind.NETWORK, capitalized(what) + " was interrupted before the server answered.");
        }
        return answer(response.statusCode(), response.body(), url, what);
    }

    /** The JSON of a 2xx answer, or the failure the status and body stand for. */
    JsonNode answer(int status, String body, URI url, String what) throws ActionFailure {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.parse(body);
        } catch (IOException e) {
            json = null;
        }
        if (status >= 200 && status < 300) {
            if (json == null && body != null && !body.isBlank()) {
                throw new ActionFailure(ActionFailure.Kind.BAD_ANSWER, capitalized(what) + ": " + host(url)
                        + " answered HTTP " + status + " with a body that is not JSON, so the outcome is unknown.");
            }
            return json == null ? Json.object() : json;
        }
        String reason = reason(json);
        String said = reason == null ? "" : " (\"" + redact(reason) + "\")";
        switch (status) {
            case 401 -> throw new ActionFailure(ActionFailure.Kind.TOKEN_REFUSED, capitalized(what) + " failed: " + host(url)
                    + " refused the token (HTTP 401" + (reason == null ? "" : ", " + redact(reason)) + ").");
            case 403 -> throw new ActionFailure(ActionFailure.Kind.FORBIDDEN, capitalized(what) + " failed: the token may not do this on "
                    + host(url) + " (HTTP 403)" + said + ".");
            case 404 -> throw new ActionFailure(ActionFailure.Kind.NOT_FOUND, capitalized(what) + " failed: " + host(url)
                    + " does not know it (HTTP 404)" + said + ".");
            default -> throw new ActionFailure(ActionFailure.Kind.SERVER, capitalized(what) + " failed: " + host(url)
                    + " answered HTTP " + status + (reason == null ? (json == null && body != null && !body.isBlank()
                    ? " with a body that is not JSON" : " without a reason") : ": " + redact(reason)) + ".");
        }
    }

    /** Space Operator says {@code error}, Lyzr (FastAPI) {@code detail}. */
    private static String reason(JsonNode json) {
        if (json == null) {
            return null;
        }
        for (String field : new String[] {"error", "detail", "message"}) {
            JsonNode v = json.get(field);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue().strip();
            }
            if (v != null && !v.isNull() && !v.isMissingNode()) {
                return Json.compact(v);
            }
        }
        return null;
    }

    private HttpClient client(URI url) throws GeneralSecurityException, IOException {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equalsIgnoreCase(url.getScheme())) {
            b.sslContext(TlsContexts.create(target.truststore()));
        }
        return b.build();
    }

    private String redact(String text) {
        return target.credential() == null ? text : target.credential().redact(text);
    }

    static String host(URI url) {
        return url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
