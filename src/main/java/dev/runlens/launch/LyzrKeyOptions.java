package dev.runlens.launch;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Lyzr has no replay: after a reconnect or an idle timeout the run is reconciled from
 * {@code task-status}, which needs the run-dag task_id and the API key (a variable or a file).
 */
public final class LyzrKeyOptions {
    public static final String DEFAULT_ENV = "LYZR_API_KEY";

    @Option(names = "--lyzr-task-id", paramLabel = "ID",
            description = "The task_id run-dag answered: reconcile the run from task-status after gaps.")
    String taskId;

    @Option(names = "--lyzr-api-key-env", paramLabel = "NAME",
            description = "Read the Lyzr API key from this environment variable (default: " + DEFAULT_ENV + ").")
    String keyEnv;

    @Option(names = "--lyzr-api-key-file", paramLabel = "FILE", description = "Read the Lyzr API key from FILE.")
    Path keyFile;

    @Option(names = "--lyzr-api", paramLabel = "URL",
            description = "The Lyzr API base (default: from the socket's host, ws->http, lao-socket.* -> lao.*).")
    String api;

    /** Taken only to refuse it, like {@code --token}. */
    @Option(names = "--lyzr-api-key", hidden = true, arity = "0..1", paramLabel = "KEY")
    String refused;

    public void check() {
        if (refused != null) {
            throw new UsageException("an API key is never passed as an argument: put it in $" + DEFAULT_ENV
                    + ", or use --lyzr-api-key-env NAME or --lyzr-api-key-file FILE");
        }
        if (keyEnv != null && keyFile != null) {
            throw new UsageException("use either --lyzr-api-key-env or --lyzr-api-key-file, not both");
        }
        if (taskId == null && (keyEnv != null || keyFile != null || api != null)) {
            throw new UsageException("--lyzr-api-key-env, --lyzr-api-key-file and --lyzr-api go with --lyzr-task-id");
        }
    }

    /** The API key, read only when a task_id asks for reconciliation. */
    public Secret key(Function<String, String> environment) {
        if (taskId == null) {
            return null;
        }
        if (keyFile != null) {
            try {
                return Secret.fromFile(keyFile);
            } catch (IOException e) {
                throw new UsageException("cannot read the Lyzr API key file " + keyFile + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String variable = keyEnv != null ? keyEnv : DEFAULT_ENV;
        Secret s = Secret.fromEnvironment(variable, environment);
        if (s == null) {
            throw new UsageException("--lyzr-task-id needs the Lyzr API key: the environment variable " + variable
                    + " is not set (or use --lyzr-api-key-file FILE)");
        }
        return s;
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
