package dev.runlens.launch;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.function.Function;

/**
 * Lyzr has no replay: after a reconnect or an idle timeout the run is reconciled from
 * {@code task-status}, which needs the run-dag task_id and the API key (a variable or a file).
 */
public final class LyzrKeyOptions {
    @Option(names = "--lyzr-task-id", paramLabel = "ID",
            description = "The task_id run-dag answered: reconcile the run from task-status after gaps.")
    String taskId;

    @Mixin
    LyzrKeySource key;

    @Option(names = "--lyzr-api", paramLabel = "URL",
            description = "The Lyzr API base (default: from the socket's host, ws->http, lao-socket.* -> lao.*).")
    String api;

    public void check() {
        key.refuseArgument();
        key.checkOne();
        if (taskId == null && (key.given() || api != null)) {
            throw new UsageException("--lyzr-api-key-env, --lyzr-api-key-file and --lyzr-api go with --lyzr-task-id");
        }
    }

    /** The API key, read only when a task_id asks for reconciliation. */
    public Secret key(Function<String, String> environment) {
        return taskId == null ? null : key.read(environment, "--lyzr-task-id");
    }

    /** Adds the task_id, key and API base to a request being built. */
    public void applyTo(ConnectionRequest.Builder builder, Secret key) {
        URI base;
        try {
            base = api == null ? null : URI.create(api);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lyzr-api is not a valid URL");
        }
        builder.lyzrTaskId(taskId).lyzrApiKey(key).lyzrApi(base);
    }

    /** Throws when a task_id was given for a connection that is not Lyzr. */
    public void checkFits(ConnectionRequest request) {
        if (request.effectiveProtocol() != ProtocolChoice.LYZR && taskId != null) {
            throw new UsageException("--lyzr-task-id is for a Lyzr URL (/ws/{flow}/{run})");
        }
    }
}
