package dev.runlens.launch;

import dev.runlens.otlp.OtlpEndpoint;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/** {@code --otlp-endpoint URL} and the payload options of {@code record} and {@code watch}: live runs sent as traces. */
public final class OtlpOptions {
    @Option(names = "--otlp-endpoint", paramLabel = "URL",
            description = "Send each run as an OpenTelemetry trace when it ends (OTLP/HTTP protobuf; http://localhost:4318 "
                    + "gets /v1/traces). Headers from $" + OtlpEndpoint.HEADERS_ENV + ".")
    String endpoint;

    @Mixin
    PayloadOptions payloads;

    /** The endpoint, or null without {@code --otlp-endpoint}; throws {@link UsageException} with the sentence on bad usage. */
    public OtlpEndpoint endpoint(Function<String, String> environment) {
        if (endpoint == null) {
            if (payloads.requested()) {
                throw new UsageException("--payloads and --payload-limit go with --otlp-endpoint");
            }
            return null;
        }
        try {
            URI url = OtlpEndpoint.tracesUrl(endpoint);
            Map<String, String> headers = OtlpEndpoint.parseHeaders(environment.apply(OtlpEndpoint.HEADERS_ENV));
            return new OtlpEndpoint(url, headers, payloads.policy());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
