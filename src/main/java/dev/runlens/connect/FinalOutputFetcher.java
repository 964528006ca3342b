package dev.runlens.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * Space Operator's {@code GET /flow/output/{run_id}}: the output of a run that is no longer live
 * on the socket. Same host as the socket ({@code ws}→{@code http}, {@code wss}→{@code https}),
 * same trust rules, the token as {@code x-api-key} (API keys) or a Bearer header (others).
 */
final class FinalOutputFetcher {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FinalOutputFetcher() {
    }

    /**
     * The output Value as JSON text, or null when the server has none (404, 401, network problem),
     * waiting at most {@code timeout} for the answer: the server holds the answer back while the
     * run is live, so a timeout means "still running".
     */
    static String fetch(ConnectionRequest request, String runId, Duration timeout) {
        if (request.token() == null) {
            return null;
        }
        URI socket = request.url();
        String scheme = "wss".equalsIgnoreCase(socket.getScheme()) ? "https" : "http";
        URI url = URI.create(scheme + "://" + socket.getRawAuthority() + "/flow/output/" + LyzrUrls.encodeSegment(runId));
        try {
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
            if (scheme.equals("https")) {
                client.sslContext(TlsContexts.create(request.truststore()));
            }
            String token = request.token().reveal();
            HttpRequest.Builder get = HttpRequest.newBuilder(url).timeout(timeout).GET();
            if (token.startsWith("b3-")) {
                get.header("x-api-key", token);
            } else {
                get.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = client.build().send(get.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
