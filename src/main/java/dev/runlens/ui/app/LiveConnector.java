package dev.runlens.ui.app;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import dev.runlens.launch.ConnectionOptions;
import dev.runlens.launch.MissingToken;
import dev.runlens.launch.RecordedConnection;
import dev.runlens.log.SessionRecorder;
import dev.runlens.otlp.OtlpEndpoint;
import dev.runlens.otlp.TraceForwarder;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.connect.TokenSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens connections through the connection service, each recorded by its own session recorder
 * (frames are recorded before they are parsed). The token is resolved here, handed to the
 * service as a {@link Secret}, and its characters cleared.
 */
final class LiveConnector implements Connector {
    private final AtomicInteger counter = new AtomicInteger();
    private final Path recordTo;
    private final Path directory;
    private final OtlpEndpoint otlp;

    /**
     * {@code recordTo}: the file for the first connection (watch --out), else a fresh file in
     * {@code directory}; {@code otlp}: where each connection's runs go as traces (watch --otlp-endpoint), or null.
     */
    LiveConnector(Path recordTo, Path directory, OtlpEndpoint otlp) {
        this.recordTo = recordTo;
        this.directory = directory;
        this.otlp = otlp;
    }

    static LiveConnector create(Path recordTo, OtlpEndpoint otlp) {
        return new LiveConnector(recordTo, SessionRecorder.defaultDirectory(), otlp);
    }

    @Override
    public Live open(ConnectionSettings s, ConnectionListener listener) throws IOException {
        AppLog.awaitInstalled();
        ConnectionRequest request = request(s);
        RecordedConnection connection = RecordedConnection.start(request, nextFile(),
                MissingToken.wrap(listener, request.token() != null, whereLooked(s.token())), Backoff.standard(), otlp);
        return new Live() {
            @Override
            public Path recording() {
                return connection.file();
            }

            @Override
            public void subscribe(String flowRunId) {
                connection.service().subscribe(flowRunId);
            }

            @Override
            public void note(String kind, java.util.Map<String, ?> fields) {
                connection.note(kind, fields);
            }

            @Override
            public void lyzrTaskId(String taskId, Secret key, java.net.URI api) {
                connection.service().lyzrTaskId(taskId, key, api);
            }

            @Override
            public long droppedSpans() {
                return connection.traces().map(TraceForwarder::dropped).orElse(-1L);
            }

            @Override
            public ConnectionState state() {
                return connection.service().state();
            }

            @Override
            public int exitStatus() {
                return connection.exitStatusNow();
            }

            @Override
            public java.util.Optional<String> recordingFailure() {
                return connection.recordingFailure();
            }

            @Override
            public void onRecordingFailure(java.util.function.Consumer<String> failure) {
                connection.onRecordingFailure(failure);
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    /** Where the window looked for a token it did not find. */
    static String whereLooked(TokenSource source) {
        return switch (source) {
            case TokenSource.EnvVar v -> "the environment variable " + v.name() + " is not set";
            case TokenSource.FromFile f -> "the token file " + f.file() + " holds no token";
            default -> "the Connect dialog's token field was empty";
        };
    }

    static ConnectionRequest request(ConnectionSettings s) {
        char[] chars = s.token().resolve(System.getenv());
        Secret token = chars == null ? null : Secret.of(chars);
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
        ConnectionSettings.Limits l = s.limits();
        boolean lyzr = s.protocol() == ProtocolChoice.LYZR;
        ConnectionRequest.Builder b = ConnectionRequest.builder(s.uri())
                .protocol(s.protocol())
                .token(token)
                .runIds(s.runIds())
                .giveUpAfter(l.giveUpAfter())
                .truststore(l.truststore())
                .allowInsecure(l.allowInsecure())
                .quietPeriod(l.quietPeriod()).notFoundRetry(l.notFoundRetry());
        b.idleTimeout(ConnectionOptions.idleTimeout(l.idleTimeout(), lyzr));
        if (l.maxMessageBytes() != null) {
            b.maxMessageBytes(l.maxMessageBytes());
        }
        s.lyzrReconcile().applyTo(b, System.getenv());
        return b.build();
    }

    private Path nextFile() {
        int n = counter.getAndIncrement();
        if (n == 0 && recordTo != null) {
            return recordTo;
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(Instant.now());
        return directory.resolve("session-" + stamp + "-" + n + ".jsonl");
    }
}
