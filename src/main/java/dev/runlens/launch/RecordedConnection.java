package dev.runlens.launch;

import dev.runlens.log.PrivateFiles;
import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogFormat;
import dev.runlens.log.SessionRecorder;
import dev.runlens.otlp.OtlpEndpoint;
import dev.runlens.otlp.TraceForwarder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The connection use case of {@code record} and of the window ({@code watch}, the Connect
 * dialog): a session log opened first, then a connection service that records every frame into
 * it before it is parsed, and the exit status its end stands for.
 */
public final class RecordedConnection implements AutoCloseable {
    private final Path file;
    private final SessionRecorder recorder;
    private final ConnectionService service;
    private final TraceForwarder traces;

    private RecordedConnection(Path file, SessionRecorder recorder, ConnectionService service, TraceForwarder traces) {
        this.file = file;
        this.recorder = recorder;
        this.service = service;
        this.traces = traces;
    }

    /** Opens {@code file} (and its folder), then connects in the background and returns. */
    public static RecordedConnection start(ConnectionRequest request, Path file, ConnectionListener listener, Backoff backoff)
            throws IOException {
        return start(request, file, listener, backoff, null);
    }

    /** As above; with {@code otlp} (may be null) each run of this connection also goes to a collector as a trace. */
    public static RecordedConnection start(ConnectionRequest request, Path file, ConnectionListener listener, Backoff backoff,
                                           OtlpEndpoint otlp) throws IOException {
        PrivateFiles.createFolders(file.toAbsolutePath().getParent());
        SessionRecorder recorder = SessionRecorder.start(file, new SessionHeader(SessionLogFormat.VERSION,
                protocolId(request), request.displayUrl(), Instant.now(), "runlens " + Version.get()));
        TraceForwarder traces = otlp == null ? null : TraceForwarder.to(otlp, listener);
        ConnectionService service = new ConnectionService(request, traces == null ? listener : traces, recorder, backoff);
        service.start();
        return new RecordedConnection(file, recorder, service, traces);
    }

    /** The protocol as the session log's header names it. */
    static String protocolId(ConnectionRequest request) {
        ProtocolChoice p = request.effectiveProtocol();
        return p == ProtocolChoice.LYZR ? "lyzr" : p == ProtocolChoice.SPACE_OPERATOR_V1 ? "space-operator-v1" : "space-operator";
    }

    public Path file() {
        return file;
    }

    public ConnectionService service() {
        return service;
    }

    /** Records a meta line of its own (a run Runlens started: {@code run_started}). Never pass a secret. */
    public void note(String kind, java.util.Map<String, ?> fields) {
        recorder.meta(Instant.now(), kind, fields);
    }

    /** Why the recording stopped early (a full disk) or could not finish, if it did. */
    public Optional<String> recordingFailure() {
        return recorder.failure();
    }

    /**
     * Tells {@code listener} once, on the recorder's thread, when the recording stops early (a
     * full disk). The connection goes on: what arrives still reaches the window.
     */
    public void onRecordingFailure(java.util.function.Consumer<String> listener) {
        recorder.onFailure(listener);
    }

    /** The exit status for a connection that ended in {@code end}: see {@link ExitCodes#ofEnd}. */
    public int exitStatus(ConnectionState end) {
        return ExitCodes.ofEnd(end, service.runsNotFound().isEmpty() && service.runsIncomplete().isEmpty());
    }

    /**
     * The status for the connection as it is now, for a window closing once its runs ended: as
     * {@link #exitStatus} once the connection stopped; before that 0, or 4 when a run was not
     * found or ended unseen.
     */
    public int exitStatusNow() {
        ConnectionState state = service.state();
        boolean whole = service.runsNotFound().isEmpty() && service.runsIncomplete().isEmpty();
        return state != null && state.terminal() ? exitStatus(state) : whole ? ExitCodes.OK : ExitCodes.NOT_FOUND;
    }

    /** The traces sent to a collector ({@code --otlp-endpoint}), if any. */
    public Optional<TraceForwarder> traces() {
        return Optional.ofNullable(traces);
    }

    /**
     * Stops the connection, then the recorder (which writes what it still holds), then the traces
     * (runs still open are sent as they stand, for a few seconds at most). Idempotent.
     */
    @Override
    public void close() {
        service.close();
        recorder.close();
        if (traces != null) {
            traces.close();
        }
    }
}
