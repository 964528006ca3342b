package dev.runlens.ui.connect;

import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.connect.Secret;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the operator asked to connect to. For Lyzr the run is part of the URL
 * ({@code …/ws/{flow}/{run}}); for Space Operator the flow_run_ids are listed.
 */
public record ConnectionSettings(String url, ProtocolChoice protocol, TokenSource token, List<String> runIds,
                                 String lyzrFlow, String lyzrRun, Limits limits, LyzrReconcile lyzrReconcile) {
    public ConnectionSettings {
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        protocol = protocol == null ? ProtocolChoice.AUTO : protocol;
        token = token == null ? new TokenSource.None() : token;
        limits = limits == null ? Limits.DEFAULT : limits;
        lyzrReconcile = lyzrReconcile == null ? LyzrReconcile.NONE : lyzrReconcile;
    }

    public ConnectionSettings(String url, ProtocolChoice protocol, TokenSource token, List<String> runIds, String lyzrFlow,
                              String lyzrRun, Limits limits) {
        this(url, protocol, token, runIds, lyzrFlow, lyzrRun, limits, LyzrReconcile.NONE);
    }

    public ConnectionSettings(String url, ProtocolChoice protocol, TokenSource token, List<String> runIds, String lyzrFlow,
                              String lyzrRun) {
        this(url, protocol, token, runIds, lyzrFlow, lyzrRun, Limits.DEFAULT);
    }

    /** The command line's finer settings (null = the connection service's default). */
    public record Limits(java.time.Duration idleTimeout, java.time.Duration giveUpAfter, Long maxMessageBytes,
                         java.nio.file.Path truststore, boolean allowInsecure, java.time.Duration quietPeriod,
                         java.time.Duration notFoundRetry) {
        public static final Limits DEFAULT = new Limits(null, null, null, null, false);

        public Limits(java.time.Duration idleTimeout, java.time.Duration giveUpAfter, Long maxMessageBytes,
                      java.nio.file.Path truststore, boolean allowInsecure) {
            this(idleTimeout, giveUpAfter, maxMessageBytes, truststore, allowInsecure, null, null);
        }
    }

    /**
     * Lyzr has no replay: with the task_id run-dag answered and an API key, a gap is reconciled
     * from task-status, as {@code record --lyzr-task-id} does. The key comes from an environment
     * variable, a file or the dialog's password field (kept as chars, never remembered or printed).
     */
    public record LyzrReconcile(String taskId, TokenSource apiKey) {
        public static final LyzrReconcile NONE = new LyzrReconcile(null, new TokenSource.None());

        public LyzrReconcile {
            taskId = taskId == null || taskId.isBlank() ? null : taskId.trim();
            apiKey = apiKey == null ? new TokenSource.None() : apiKey;
        }

        /**
         * Adds the task id and the key (read now) to a request being built; nothing without a task id.
         * A key that cannot be found is one sentence (an {@link IllegalStateException}), never a silent no.
         */
        public void applyTo(ConnectionRequest.Builder builder, Map<String, String> env) {
            if (taskId == null) {
                return;
            }
            char[] key;
            try {
                key = apiKey.resolve(env);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage().replace("token", "Lyzr API key"));
            }
            if (key == null) {
                throw new IllegalStateException(apiKey instanceof TokenSource.EnvVar v
                        ? "the variable " + v.name() + " that should hold the Lyzr API key is not set" : "no Lyzr API key was given");
            }
            builder.lyzrTaskId(taskId).lyzrApiKey(Secret.of(key));
            Arrays.fill(key, '\0');
        }
    }

    /** The same settings with the operator's consent to send the token over plain {@code ws://}. */
    public ConnectionSettings allowingInsecure() {
        Limits l = new Limits(limits.idleTimeout(), limits.giveUpAfter(), limits.maxMessageBytes(), limits.truststore(), true,
                limits.quietPeriod(), limits.notFoundRetry());
        return new ConnectionSettings(url, protocol, token, runIds, lyzrFlow, lyzrRun, l, lyzrReconcile);
    }

    /** The URL to open: for Lyzr with a flow and run name, the run's socket path. */
    public URI uri() {
        if (protocol == ProtocolChoice.LYZR && lyzrFlow != null && !lyzrFlow.isBlank() && lyzrRun != null
                && !lyzrRun.isBlank()) {
            return LyzrUrls.of(URI.create(url.trim()), lyzrFlow.trim(), lyzrRun.trim());
        }
        return URI.create(url.trim());
    }

    /** One line for lists and the status bar; never contains the token. */
    public String describe() {
        String what = protocol == ProtocolChoice.LYZR ? lyzrFlow + "/" + lyzrRun
                : runIds.isEmpty() ? "no runs" : runIds.size() == 1 ? runIds.get(0) : runIds.size() + " runs";
        return url + " · " + what;
    }
}
