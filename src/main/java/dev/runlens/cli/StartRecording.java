package dev.runlens.cli;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.StartedRun;
import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.RecordedConnection;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code start --record}: the run's connection recorded as {@code record} records it, with the
 * start written into the log ({@code run_started}) so "Run again" knows its inputs. For Lyzr the
 * socket is open before the run is posted (no replay: a late socket misses the first events).
 */
final class StartRecording {
    /** Lyzr's own client waits 15 s for its socket. */
    static final Duration SOCKET_OPEN_TIMEOUT = Duration.ofSeconds(15);

    /** What starts the run once the connection is there; returns how it was started. */
    interface Starter {
        StartedRun start(RecordedConnection connection) throws ActionFailure;
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Backoff backoff;

    StartRecording(PrintWriter out, PrintWriter err, Backoff backoff) {
        this.out = out;
        this.err = err;
        this.backoff = backoff;
    }

    /** Records {@code request} into {@code file}; {@code socketFirst}: wait until it is live before starting. */
    int run(ConnectionRequest request, Path file, boolean socketFirst, Starter starter) {
        RecordProgress progress = new RecordProgress(err);
        RecordedConnection connection;
        try {
            connection = RecordedConnection.start(request, file, progress, backoff);
        } catch (IOException e) {
            err.println("runlens start: cannot write " + file + " (" + e.getMessage() + "), so nothing was started");
            return ExitCodes.USAGE;
        }
        Thread hook = new Thread(connection::close, "runlens-start-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (socketFirst && !awaitLive(connection)) {
                err.println("runlens start: the run's socket " + request.displayUrl() + " did not open within "
                        + SOCKET_OPEN_TIMEOUT.toSeconds() + " s (" + connection.service().state().label()
                        + "), so the run was not started: its first events would be lost.");
                return ExitCodes.GAVE_UP;
            }
            StartedRun started;
            try {
                started = starter.start(connection);
            } catch (ActionFailure f) {
                err.println("runlens start: " + f.sentence());
                return ExitCodes.ofAction(f.kind(), false);
            }
            connection.note(StartedRun.META, started.metaFields());
            out.println(started.runId());
            out.flush();
            progress.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        if (connection.recordingFailure().isPresent()) {
            err.println("runlens start: " + connection.recordingFailure().get());
            return ExitCodes.FAILURE;
        }
        int status = connection.exitStatus(progress.state);
        if (status == ExitCodes.OK) {
            err.println("runlens start: recorded " + progress.events.get() + " events to " + file);
        } else {
            err.println("runlens start: " + progress.message);
            err.println("runlens start: what was received is in " + file);
        }
        return status;
    }

    private static boolean awaitLive(RecordedConnection connection) throws InterruptedException {
        long deadline = System.nanoTime() + SOCKET_OPEN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ConnectionState s = connection.service().state();
            if (s == ConnectionState.LIVE) {
                return true;
            }
            if (s.terminal() && s != ConnectionState.CLOSED) { // CLOSED is also the state before the first attempt
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
