package dev.runlens.launch;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The options {@code start} and {@code stop} share for their HTTP requests. */
public final class HttpActionOptions {
    @Option(names = "--truststore", paramLabel = "FILE", description = "Trust the certificates in FILE (PEM or PKCS12).")
    public Path truststore;

    @Option(names = "--allow-insecure", description = "Send the token over plain http:// or ws:// to a host that is not loopback.")
    public boolean allowInsecure;

    @Option(names = "--timeout", paramLabel = "S", converter = Converters.Seconds.class,
            description = "Wait at most S seconds for the server's answer (default 15).")
    public Duration timeout;
}
