package dev.runlens.cli;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.Secret;
import dev.runlens.launch.ConnectionOptions;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.LyzrKeyOptions;
import dev.runlens.launch.MissingToken;
import dev.runlens.launch.OtlpOptions;
import dev.runlens.launch.RecordedConnection;
import dev.runlens.launch.SubCommand;
import dev.runlens.launch.TokenOptions;
import dev.runlens.log.SessionRecorder;
import dev.runlens.otlp.OtlpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code runlens record}: records live runs to a session log until each has ended. The token
 * comes from an environment variable or a file, never from an argument.
 */
@Command(name = "record", description = {
        "Record live runs to a session log until every requested run has ended (Lyzr: the run named in the URL).",
        "Lyzr has no replay: after a reconnect (or an idle timeout) the run named by --lyzr-task-id (the task_id "
                + "run-dag answered) is reconciled from GET {api}/task-status/{id}.",
        "When it gives up: a connection that cannot connect or authenticate backs off from 1 s to 30 s and stops after "
                + "--give-up-after; a socket that authenticated is reopened within about a second, however often it drops. "
                + "A Space Operator run that sends nothing for --quiet-period is asked about (GET /flow/output): over, it ends "
                + "with a gap; still running, it is waited for until --idle-timeout (none by default)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the log could not be written", "2:bad usage", "3:token refused", "4:run not found",
                "5:gave up"})
public final class RecordCommand extends SubCommand {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    TokenOptions token;

    @Mixin
    LyzrKeyOptions lyzr;

    @Mixin
    OtlpOptions otlp;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The session log (default: a new file in the sessions folder, $XDG_DATA_HOME/runlens/sessions "
                    + "or else ~/.local/share/runlens/sessions).")
    Path out;

    private final Function<String, String> environment;
    private final Backoff backoff;

    public RecordCommand() {
        this(System::getenv, Backoff.standard());
    }

    /** With another environment and reconnect backoff (tests). */
    RecordCommand(Function<String, String> environment, Backoff backoff) {
        this.environment = environment;
        this.backoff = backoff;
    }

    @Override
    public Integer call() {
        connection.checkUrl();
        token.check();
        lyzr.check();
        Secret secret = token.secret(environment);
        Secret key = lyzr.key(environment);
        ConnectionRequest request = connection.request(secret, b -> lyzr.applyTo(b, key), "record");
        lyzr.checkFits(request);
        OtlpEndpoint traces = otlp.endpoint(environment);
        Path file = out != null ? out : SessionRecorder.defaultFile(Instant.now());
        // Tyrus reports every dropped connection at INFO; the sentences below say it better.
        Logger tyrus = Logger.getLogger("org.glassfish");
        tyrus.setLevel(Level.SEVERE);
        try {
            return record(request, file, secret != null, traces);
        } finally {
            tyrus.setLevel(null); // back to the default for whatever runs next in this JVM (tests)
        }
    }

    private int record(ConnectionRequest request, Path file, boolean tokenGiven, OtlpEndpoint traces) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordProgress progress = new RecordProgress(err);
        RecordedConnection connection;
        try {
            connection = RecordedConnection.start(request, file, MissingToken.wrap(progress, tokenGiven, token.whereLooked()), backoff, traces);
        } catch (IOException e) {
            // A full disk is not bad usage: exit 1, as when it fills later.
            boolean full = e.getMessage() != null && e.getMessage().startsWith("the disk is full");
            err.println("runlens record: " + (full ? e.getMessage() : "cannot write " + file + " (" + e.getMessage() + ")"));
            return full ? ExitCodes.FAILURE : ExitCodes.USAGE;
        }
        // A full disk ends the recording at once: nothing more could be kept.
        connection.onRecordingFailure(sentence -> progress.done.countDown());
        Thread hook = new Thread(() -> closeAtExit(connection, err), "runlens-record-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressLine line = System.console() != null ? new ProgressLine(err, progress) : null;
        try {
            if (line != null) {
                line.start();
            }
            progress.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (line != null) {
                line.stop();
            }
            connection.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        if (connection.recordingFailure().isPresent()) {
            err.println("runlens record: " + connection.recordingFailure().get());
            return ExitCodes.FAILURE;
        }
        int status = connection.exitStatus(progress.state);
        if (status == ExitCodes.OK) {
            stdout.println("Recorded " + progress.events.get() + " events of " + progress.finished.get()
                    + " finished run(s) to " + file);
            if (!progress.reconciled.isEmpty()) {
                stdout.println("Reconciled from task-status (meta reconciled): " + String.join(", ", progress.reconciled));
            }
        } else {
            report(connection, progress, err);
        }
        // Last, so a script finds it: what reached the collector and what was dropped.
        connection.traces().ifPresent(t -> (t.dropped() > 0 ? err : stdout).println(t.report()));
        return status;
    }

    /**
     * Interrupted (Ctrl-C, SIGTERM): the log is flushed and closed before the JVM ends; if that
     * cannot finish, stderr says so and the status is 1 rather than the signal's.
     */
    private static void closeAtExit(RecordedConnection connection, PrintWriter err) {
        connection.close();
        if (connection.recordingFailure().isPresent()) {
            err.println("runlens record: " + connection.recordingFailure().get());
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.FAILURE);
        }
    }

    /** Why the recording ended early, one line each, and where what arrived is. */
    private static void report(RecordedConnection connection, RecordProgress progress, PrintWriter err) {
        err.println("runlens record: " + progress.message);
        for (String id : connection.service().runsNotFound()) {
            err.println("runlens record: run " + id + " was not found on the server");
        }
        for (String id : connection.service().runsIncomplete()) {
            err.println("runlens record: run " + id + " ended while disconnected; its last events are missing");
        }
        for (String id : progress.finalOutputs) {
            err.println("runlens record: the final output of run " + id
                    + " was fetched from /flow/output and is in the log (meta final_output)");
        }
        err.println("runlens record: what was received is in " + connection.file());
    }
}
