package dev.runlens.launch;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import dev.runlens.connect.TlsContexts;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What {@code record} and {@code watch} connect to, and the limits of that connection. */
public final class ConnectionOptions {
    /** Lyzr is silent for unknown or finished runs: never wait forever. */
    public static final Duration LYZR_IDLE_TIMEOUT = Duration.ofSeconds(120);

    @Option(names = "--url", paramLabel = "URL", description = "The server's WebSocket URL (ws:// or wss://); "
            + "a Lyzr URL ends in /ws/{flow_name}/{run_name}.")
    String url;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", converter = Converters.Protocol.class,
            completionCandidates = Converters.ProtocolIds.class,
            description = "One of ${COMPLETION-CANDIDATES}; auto (the default) tells them apart.")
    ProtocolChoice protocol = ProtocolChoice.AUTO;

    @Option(names = "--run", paramLabel = "FLOW_RUN_ID", description = "A Space Operator run to follow (repeatable).")
    List<String> runs = new ArrayList<>();

    @Option(names = "--idle-timeout", paramLabel = "S", converter = Converters.Seconds.class,
            description = "Stop after S seconds without a frame (Lyzr: 120 by default).")
    Duration idleTimeout;

    @Option(names = "--give-up-after", paramLabel = "S", converter = Converters.Seconds.class,
            description = "Stop reconnecting after S seconds without a working connection.")
    Duration giveUpAfter;

    @Option(names = "--quiet-period", paramLabel = "S", converter = Converters.Seconds.class,
            description = "Space Operator: after S seconds without an event from a run (default 300; three times as long "
                    + "while a signature is awaited) ask GET /flow/output: if the run is over it ends with a gap, otherwise "
                    + "it is shown stale and waited for (only --idle-timeout or --give-up-after stop the waiting).")
    Duration quietPeriod;

    @Option(names = "--not-found-retry", paramLabel = "S", converter = Converters.Seconds.class,
            description = "Space Operator: a run seen before and 'not found' after a reconnect is looked for again on new "
                    + "connections for S seconds (default 30; another server instance may hold it) before it counts as "
                    + "ended while disconnected.")
    Duration notFoundRetry;

    @Option(names = "--truststore", paramLabel = "FILE", description = "Trust the certificates in FILE (PEM or PKCS12) for wss://.")
    Path truststore;

    @Option(names = "--allow-insecure",
            description = "Send the token over plain ws://, and the Lyzr API key over plain http://, to a host that is not loopback.")
    boolean allowInsecure;

    @Option(names = "--max-message-mb", paramLabel = "N", converter = Converters.Megabytes.class,
            description = "The largest frame accepted, in MB (default 64, at most 2000).")
    Long maxMessageBytes;

    /** Throws unless a URL was given. */
    public void checkUrl() {
        if (url == null) {
            throw new UsageException("--url is required");
        }
    }

    /**
     * The request these options describe, checked: a Lyzr URL names its run, Space Operator
     * needs at least one {@code --run} ({@code verb}: "record", "watch"). {@code extra} adds what
     * only one command takes (Lyzr reconciliation).
     */
    public ConnectionRequest request(Secret token, Consumer<ConnectionRequest.Builder> extra, String verb) {
        checkUrl();
        String trustProblem = truststore == null ? null : TlsContexts.problemWith(truststore);
        if (trustProblem != null) {
            throw new UsageException("--truststore: " + trustProblem);
        }
        URI uri;
        try {
            uri = URI.create(url.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a valid URL");
        }
        ConnectionRequest request;
        try {
            ConnectionRequest.Builder builder = ConnectionRequest.builder(uri).protocol(protocol).token(token).runIds(runs)
                    .giveUpAfter(giveUpAfter).truststore(truststore).allowInsecure(allowInsecure)
                    .quietPeriod(quietPeriod).notFoundRetry(notFoundRetry);
            if (maxMessageBytes != null) {
                builder.maxMessageBytes(maxMessageBytes);
            }
            extra.accept(builder);
            boolean lyzr = builder.idleTimeout(null).build().effectiveProtocol() == ProtocolChoice.LYZR;
            request = builder.idleTimeout(idleTimeout(idleTimeout, lyzr)).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException((e.getMessage().contains("Lyzr API") ? "--lyzr-api: " : "--url: ") + e.getMessage());
        }
        if (request.sendsLyzrKeyInClear() && !allowInsecure) {
            throw new UsageException("refusing to send the Lyzr API key unencrypted over http:// to " + request.lyzrApiBase().getHost()
                    + ": use an https:// --lyzr-api (or wss:// for the socket), or --allow-insecure");
        }
        boolean lyzr = request.effectiveProtocol() == ProtocolChoice.LYZR;
        if (lyzr && !runs.isEmpty()) {
            throw new UsageException("a Lyzr run is named by the URL (/ws/{flow}/{run}); --run is for Space Operator");
        }
        if (lyzr && LyzrUrls.flowAndRun(uri) == null) {
            throw new UsageException("a Lyzr URL ends in /ws/{flow_name}/{run_name}");
        }
        if (!lyzr && runs.isEmpty()) {
            throw new UsageException("name at least one run to " + verb + " with --run FLOW_RUN_ID");
        }
        return request;
    }

    /** The idle timeout to use: the one given, else Lyzr's default (Space Operator waits). */
    public static Duration idleTimeout(Duration given, boolean lyzr) {
        return given != null ? given : lyzr ? LYZR_IDLE_TIMEOUT : null;
    }
}
