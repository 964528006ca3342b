package dev.runlens.ui.app;

import dev.runlens.connect.ConnectionListener;
import dev.runlens.ui.connect.ConnectionSettings;

import java.nio.file.Path;

/** Opens live connections for the dashboard; the real one wraps the connection service. */
public interface Connector {

    /** An open connection: where it records, and how to stop it. */
    interface Live extends AutoCloseable {
        Path recording();

        dev.runlens.connect.ConnectionState state();

        /** Spans the collector will never get (watch --otlp-endpoint); -1 when runs are not sent as traces. */
        default long droppedSpans() {
            return -1;
        }

        /** Adds a Space Operator run to the open connection. */
        void subscribe(String flowRunId);

        /** The exit status {@code record} would give this connection now (see {@code RecordedConnection#exitStatusNow}). */
        default int exitStatus() {
            return 0;
        }

        /** Why the recording stopped early or could not finish, if it did. */
        default java.util.Optional<String> recordingFailure() {
            return java.util.Optional.empty();
        }

        /** Tells {@code listener} once when the recording stops early (a full disk). */
        default void onRecordingFailure(java.util.function.Consumer<String> listener) {
        }

        /** Writes a meta line into the connection's recording (a run started from the window); a connector that records nothing keeps nothing. */
        default void note(String kind, java.util.Map<String, ?> fields) {
        }

        /** A Lyzr run's task_id, with the API key and base task-status is asked with (a run started from the window). */
        default void lyzrTaskId(String taskId, dev.runlens.connect.Secret key, java.net.URI api) {
        }

        @Override
        void close();
    }

    /** Starts connecting at once and returns; everything received goes to {@code listener}. */
    Live open(ConnectionSettings settings, ConnectionListener listener) throws Exception;
}
