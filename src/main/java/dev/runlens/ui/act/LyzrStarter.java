package dev.runlens.ui.act;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.ApiTarget;
import dev.runlens.act.LyzrApi;
import dev.runlens.act.LyzrWorkflow;
import dev.runlens.act.StartedRun;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.ui.connect.TokenSource;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Starts a Lyzr workflow from the window in Lyzr's own order, since Lyzr has no replay: open the
 * run's socket (with a fresh run_name) on the window's connection service, wait until it is live,
 * post {@code run-dag}, then hand the answered task_id to reconciliation and write the start into
 * the socket's session log. A failure after the socket opened closes it again: nothing half done.
 */
public final class LyzrStarter {
    /** Lyzr's own client waits 15 s for its socket. */
    static final Duration SOCKET_OPEN_TIMEOUT = Duration.ofSeconds(15);

    /** What the window is told. */
    public interface Outcome {
        void status(String text);

        void started(StartedRun run, String sentence);

        void failed(String sentence);

        /** A failure whose kind is known (the command line's exit status follows it). */
        default void failed(ActionFailure.Kind kind, String sentence) {
            failed(sentence);
        }
    }

    private final ActionHost host;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Predicate<URI> consent;
    private final Outcome outcome;

    /** {@code consent}: asks whether the key may go over plain http to this (remote) URL. */
    public LyzrStarter(ActionHost host, Executor background, Consumer<Runnable> fx, Predicate<URI> consent, Outcome outcome) {
        this.host = host;
        this.background = background;
        this.fx = fx;
        this.consent = consent;
        this.outcome = outcome;
    }

    /** FX thread: checks and opens the socket here, then waits and posts on a background thread. */
    public void start(LyzrStartViewModel.Request r) {
        boolean remoteHttp = "http".equalsIgnoreCase(r.api().getScheme()) && !ConnectionRequest.isLoopback(r.api());
        boolean allowInsecure = remoteHttp && consent.test(r.api());
        if (remoteHttp && !allowInsecure) {
            outcome.failed("http:// to " + r.api().getHost() + " is not encrypted, so the Lyzr API key was not sent and nothing was "
                    + "started: use https://.");
            return;
        }
        Secret key;
        try {
            key = key(r.key());
        } catch (ActionFailure f) {
            outcome.failed(f.kind(), f.sentence());
            return;
        }
        LyzrWorkflow w = LyzrWorkflow.freshRun(r.workflow());
        URI socketBase = r.socketBase() != null ? r.socketBase() : LyzrWorkflow.socketBase(r.api());
        LyzrApi api = new LyzrApi(new ApiTarget(r.api(), key, null, allowInsecure), null);
        LyzrSocket socket = host.openLyzr(socketBase, w.flowName(), w.runName(), allowInsecure);
        if (socket == null) {
            outcome.failed("The socket of Lyzr run " + w.flowName() + "/" + w.runName() + " could not be opened, so nothing was started.");
            return;
        }
        outcome.status("opening the socket of " + w.flowName() + "/" + w.runName() + "…");
        background.execute(() -> {
            try {
                awaitLive(socket, socketBase);
                String taskId = api.runDag(w.body());
                socket.reconcileWith(taskId, key, r.api());
                StartedRun started = StartedRun.lyzr(w, taskId);
                socket.note(StartedRun.META, started.metaFields());
                fx.accept(() -> outcome.started(started, "Lyzr run " + started.runId() + " started (task_id " + taskId
                        + "); it appears with its first event."));
            } catch (ActionFailure f) {
                socket.close();
                fx.accept(() -> outcome.failed(f.kind(), f.sentence()));
            } catch (InterruptedException e) {
                socket.close();
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void awaitLive(LyzrSocket socket, URI base) throws ActionFailure, InterruptedException {
        long deadline = System.nanoTime() + SOCKET_OPEN_TIMEOUT.toNanos();
        ConnectionState s = socket.state();
        while (System.nanoTime() < deadline) {
            s = socket.state();
            if (s == ConnectionState.LIVE) {
                return;
            }
            if (s.terminal() && s != ConnectionState.CLOSED) { // CLOSED is also the state before the first attempt
                break;
            }
            Thread.sleep(20);
        }
        throw new ActionFailure(ActionFailure.Kind.NETWORK, "The run's socket at " + base.getHost() + (base.getPort() >= 0 ? ":"
                + base.getPort() : "") + " did not open within " + SOCKET_OPEN_TIMEOUT.toSeconds() + " s (" + s.label()
                + "), so the workflow was not posted: its first events would be lost.");
    }

    /** The key from where the operator said it is, as a Secret (its characters cleared). */
    static Secret key(TokenSource source) throws ActionFailure {
        char[] chars;
        try {
            chars = source.resolve(System.getenv());
        } catch (IllegalStateException e) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, capital(e.getMessage().replace("token", "Lyzr API key"))
                    + ", so nothing was started.");
        }
        if (chars == null) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, switch (source) {
                case TokenSource.EnvVar v -> "The variable " + v.name() + " that should hold the Lyzr API key is not set, so nothing was started.";
                case TokenSource.FromFile f -> "The file " + f.file() + " holds no Lyzr API key, so nothing was started.";
                default -> "run-dag needs the Lyzr API key, so nothing was started.";
            });
        }
        Secret s = Secret.of(chars);
        Arrays.fill(chars, '\0');
        return s;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
