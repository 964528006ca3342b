package dev.runlens.launch;

import dev.runlens.otlp.PayloadPolicy;
import picocli.CommandLine.Option;

/** Whether traces carry node inputs and outputs ({@code --payloads}), and how much of each. */
public final class PayloadOptions {
    @Option(names = "--payloads", description = "Add node inputs and outputs to the spans, secrets masked as the inspector masks them.")
    boolean payloads;

    @Option(names = "--payload-limit", paramLabel = "CHARS",
            description = "Cut each payload at CHARS characters (default: " + PayloadPolicy.DEFAULT_MAX_CHARS + ").")
    Integer limit;

    public boolean requested() {
        return payloads || limit != null;
    }

    public PayloadPolicy policy() {
        if (limit != null && limit < 1) {
            throw new UsageException("--payload-limit must be at least 1, not " + limit);
        }
        if (limit != null && !payloads) {
            throw new UsageException("--payload-limit goes with --payloads");
        }
        return new PayloadPolicy(payloads, limit == null ? PayloadPolicy.DEFAULT_MAX_CHARS : limit);
    }
}
