package dev.runlens.otlp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where live runs go: an OTLP/HTTP (protobuf) traces endpoint, the headers to send with every
 * request (from {@code OTEL_EXPORTER_OTLP_HEADERS}, as the OpenTelemetry SDKs read it), and the
 * payload policy.
 */
public record OtlpEndpoint(URI url, Map<String, String> headers, PayloadPolicy payloads) {
    public static final String HEADERS_ENV = "OTEL_EXPORTER_OTLP_HEADERS";

    public OtlpEndpoint {
        headers = Map.copyOf(headers);
    }

    /**
     * {@code url} as given: a collector's base ({@code http://localhost:4318}) gets the traces path
     * {@code /v1/traces}, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} does; a URL with a path is used as it is.
     * Throws {@link IllegalArgumentException} with one sentence for anything else.
     */
    public static URI tracesUrl(String url) {
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--otlp-endpoint '" + url + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("--otlp-endpoint takes an http:// or https:// URL, such as http://localhost:4318, not '"
                    + url + "'");
        }
        String path = u.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? u.resolve("/v1/traces") : u;
    }

    /**
     * Headers in the W3C baggage form the SDKs read from {@code OTEL_EXPORTER_OTLP_HEADERS}:
     * {@code key1=value1,key2=value2}, values URL-encoded. Throws with one sentence for an entry
     * without '=' (which the SDKs would drop silently: a missing API key is better found at once).
     */
    public static Map<String, String> parseHeaders(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(HEADERS_ENV + " has an entry without a name and '=' (entries are name=value, "
                        + "separated by commas)");
            }
            String name = entry.substring(0, eq).trim();
            String value = URLDecoder.decode(entry.substring(eq + 1).trim(), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }
}
