package dev.runlens.cli;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogFormat;
import dev.runlens.log.SessionRecorder;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code runlens record}: records live runs to a session log until each has ended. The token
 * comes from an environment variable or a file, never from an argument.
 */
public final class RecordCommand implements Command {
    static final String DEFAULT_TOKEN_ENV = "RUNLENS_TOKEN";
    static final String DEFAULT_LYZR_KEY_ENV = "LYZR_API_KEY";
    /**
     * Held so the level set stays (loggers are weakly referenced). In a holder: the first logger
     * starts java.util.logging, which scans the class path's service files (the whole 15 MB jar),
     * and every command builds this one, the batch ones included.
     */
    private static final class TyrusLog {
        static final Logger LOG = Logger.getLogger("org.glassfish");
    }

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
    public String name() {
        return "record";
    }

    @Override
    public String synopsis() {
        return "--url URL [--run ID]... --out FILE   record live runs to a session log";
    }

    static String usage() {
        return "Usage: runlens record --url URL [--protocol auto|space-operator|space-operator-v1|lyzr]\n"
                + "         [--token-env NAME | --token-file FILE] [--run FLOW_RUN_ID]... [--out FILE]\n"
                + "         [--idle-timeout S] [--give-up-after S] [--truststore FILE] [--allow-insecure]\n"
                + "         [--max-message-mb N]\n"
                + "         [--lyzr-task-id ID [--lyzr-api-key-env NAME | --lyzr-api-key-file FILE] [--lyzr-api URL]]\n"
                + "Records until every requested run has ended (Lyzr: the run named in the URL).\n"
                + "The token is read from $" + DEFAULT_TOKEN_ENV + " (or --token-env NAME, or --token-file FILE).\n"
                + "Lyzr has no replay: after a reconnect (or an idle timeout) the run named by --lyzr-task-id (the\n"
                + "task_id run-dag answered) is reconciled from GET {api}/task-status/{id}, with the API key from\n"
                + "$" + DEFAULT_LYZR_KEY_ENV + " (or --lyzr-api-key-env NAME, or --lyzr-api-key-file FILE). The API base\n"
                + "defaults to the socket's host (ws->http, wss->https, lao-socket.* -> lao.*); --lyzr-api sets it.\n"
                + "Without --out the log goes to " + SessionRecorder.defaultDirectory() + ".\n"
                + "Exit status: 0 done, 2 bad usage, 3 token refused, 4 run not found, 5 gave up.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("runlens record: " + e.getMessage());
            err.print(usage());
            return ExitCodes.USAGE;
        }
        if (o.help) {
            out.print(usage());
            return ExitCodes.OK;
        }
        ConnectionRequest request;
        try {
            request = o.request(token(o), lyzrKey(o));
        } catch (UsageException e) {
            err.println("runlens record: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path file = o.out != null ? o.out : SessionRecorder.defaultFile(Instant.now());
        TyrusLog.LOG.setLevel(Level.SEVERE);
        return record(request, file, out, err);
    }

    private Secret token(Options o) throws UsageException {
        if (o.tokenFile != null) {
            try {
                return Secret.fromFile(o.tokenFile);
            } catch (IOException e) {
                throw new UsageException("cannot read the token file " + o.tokenFile + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String variable = o.tokenEnv != null ? o.tokenEnv : DEFAULT_TOKEN_ENV;
        Secret s = Secret.fromEnvironment(variable, environment);
        if (s == null && o.tokenEnv != null) {
            throw new UsageException("the environment variable " + o.tokenEnv + " is not set");
        }
        return s;
    }

    /** The Lyzr API key, read only when a task_id asks for reconciliation. */
    private Secret lyzrKey(Options o) throws UsageException {
        if (o.lyzrTaskId == null) {
            return null;
        }
        if (o.lyzrKeyFile != null) {
            try {
                return Secret.fromFile(o.lyzrKeyFile);
            } catch (IOException e) {
                throw new UsageException("cannot read the Lyzr API key file " + o.lyzrKeyFile + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String variable = o.lyzrKeyEnv != null ? o.lyzrKeyEnv : DEFAULT_LYZR_KEY_ENV;
        Secret s = Secret.fromEnvironment(variable, environment);
        if (s == null) {
            throw new UsageException("--lyzr-task-id needs the Lyzr API key: the environment variable " + variable
                    + " is not set (or use --lyzr-api-key-file FILE)");
        }
        return s;
    }

    private int record(ConnectionRequest request, Path file, PrintStream out, PrintStream err) {
        ProtocolChoice p = request.effectiveProtocol();
        String protocolId = p == ProtocolChoice.LYZR ? "lyzr"
                : p == ProtocolChoice.SPACE_OPERATOR_V1 ? "space-operator-v1" : "space-operator";
        SessionRecorder recorder;
        try {
            recorder = SessionRecorder.start(file, new SessionHeader(SessionLogFormat.VERSION, protocolId,
                    request.displayUrl(), Instant.now(), "runlens " + Version.get()));
        } catch (IOException e) {
            err.println("runlens record: cannot write " + file + " (" + e.getMessage() + ")");
            return ExitCodes.USAGE;
        }
        Progress progress = new Progress(err);
        ConnectionService service = new ConnectionService(request, progress, recorder, backoff);
        Thread hook = new Thread(() -> {
            service.close();
            recorder.close();
        }, "runlens-record-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressLine line = System.console() != null ? new ProgressLine(err, progress) : null;
        try {
            service.start();
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
            service.close();
            recorder.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        if (recorder.failure().isPresent()) {
            err.println("runlens record: " + recorder.failure().get());
            return ExitCodes.FAILURE;
        }
        ConnectionState end = progress.state;
        String message = progress.message;
        int status = exitStatus(end, service);
        if (status == ExitCodes.OK) {
            out.println("Recorded " + progress.events.get() + " events of " + progress.finished.get() + " finished run(s) to " + file);
            if (!progress.reconciled.isEmpty()) {
                out.println("Reconciled from task-status (meta reconciled): " + String.join(", ", progress.reconciled));
            }
        } else {
            err.println("runlens record: " + message);
            for (String id : service.runsNotFound()) {
                err.println("runlens record: run " + id + " was not found on the server");
            }
            for (String id : service.runsIncomplete()) {
                err.println("runlens record: run " + id + " ended while disconnected; its last events are missing");
            }
            for (String id : progress.finalOutputs) {
                err.println("runlens record: the final output of run " + id
                        + " was fetched from /flow/output and is in the log (meta final_output)");
            }
            err.println("runlens record: what was received is in " + file);
        }
        return status;
    }

    static int exitStatus(ConnectionState end, ConnectionService service) {
        if (end == null) {
            return ExitCodes.GAVE_UP;
        }
        switch (end) {
            case FINISHED:
                return service.runsNotFound().isEmpty() && service.runsIncomplete().isEmpty() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
            case TOKEN_REFUSED:
            case UNAUTHORIZED:
                return ExitCodes.TOKEN_REFUSED;
            case NOT_FOUND:
                return ExitCodes.NOT_FOUND;
            default:
                return ExitCodes.GAVE_UP;
        }
    }

    /** Counts what arrives and notices the end. */
    private static final class Progress implements ConnectionListener {
        private final PrintStream err;
        final CountDownLatch done = new CountDownLatch(1);
        final java.util.Set<String> reconciled = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void onReconciled(dev.runlens.protocol.RunRef run, String status,
                                 java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> results) {
            reconciled.addAll(results.keySet());
        }

        @Override
        public void onReconcileFailed(dev.runlens.protocol.RunRef run, String sentence) {
            err.println("runlens record: " + sentence);
        }
        final AtomicLong events = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        volatile ConnectionState state;
        volatile String message = "";

        @Override
        public void onFrame(ReceivedFrame frame) {
            if (frame.event() instanceof RunEvent e) {
                events.incrementAndGet();
                if (e instanceof RunEvent.FlowFinished || (e instanceof RunEvent.FlowError fe && fe.endsRun())) {
                    finished.incrementAndGet();
                }
            }
        }

        final List<String> finalOutputs = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onFinalOutput(dev.runlens.protocol.RunRef run, String outputJson) {
            finalOutputs.add(run.runId());
        }

        @Override
        public void onState(ConnectionState s, String m) {
            state = s;
            message = m;
            if (s.terminal()) {
                done.countDown();
            }
        }
    }

    /** One line on a terminal's stderr, rewritten in place. */
    private static final class ProgressLine {
        private final PrintStream err;
        private final Progress progress;
        private final Thread thread;
        private volatile boolean running = true;

        ProgressLine(PrintStream err, Progress progress) {
            this.err = err;
            this.progress = progress;
            this.thread = new Thread(this::loop, "runlens-progress");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r\033[K");
            err.flush();
        }

        private void loop() {
            while (running) {
                ConnectionState s = progress.state;
                err.print("\r\033[K" + progress.events.get() + " events, " + progress.finished.get() + " run(s) finished, "
                        + (s == null ? "starting" : s.label()));
                err.flush();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed arguments. */
    static final class Options {
        String url;
        ProtocolChoice protocol = ProtocolChoice.AUTO;
        String tokenEnv;
        Path tokenFile;
        final List<String> runs = new ArrayList<>();
        Path out;
        Duration idleTimeout;
        Duration giveUpAfter;
        Path truststore;
        boolean allowInsecure;
        long maxMessageBytes = ConnectionRequest.DEFAULT_MAX_MESSAGE_BYTES;
        String lyzrTaskId;
        String lyzrKeyEnv;
        Path lyzrKeyFile;
        String lyzrApi;
        boolean help;

        static Options parse(List<String> args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--allow-insecure" -> o.allowInsecure = true;
                    case "--token" -> throw new UsageException(
                            "a token is never passed as an argument: put it in $" + DEFAULT_TOKEN_ENV + ", or use --token-env NAME or --token-file FILE");
                    case "--lyzr-api-key" -> throw new UsageException(
                            "an API key is never passed as an argument: put it in $" + DEFAULT_LYZR_KEY_ENV
                                    + ", or use --lyzr-api-key-env NAME or --lyzr-api-key-file FILE");
                    case "--url", "--protocol", "--token-env", "--token-file", "--run", "--out", "--idle-timeout",
                            "--give-up-after", "--truststore", "--max-message-mb", "--lyzr-task-id", "--lyzr-api-key-env",
                            "--lyzr-api-key-file", "--lyzr-api" -> {
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new UsageException(a + " needs a value");
                            }
                            value = args.get(++i);
                        }
                        o.set(a, value);
                    }
                    default -> throw new UsageException("unknown argument " + a);
                }
            }
            if (o.help) {
                return o;
            }
            if (o.url == null) {
                throw new UsageException("--url is required");
            }
            if (o.tokenEnv != null && o.tokenFile != null) {
                throw new UsageException("use either --token-env or --token-file, not both");
            }
            if (o.lyzrKeyEnv != null && o.lyzrKeyFile != null) {
                throw new UsageException("use either --lyzr-api-key-env or --lyzr-api-key-file, not both");
            }
            if (o.lyzrTaskId == null && (o.lyzrKeyEnv != null || o.lyzrKeyFile != null || o.lyzrApi != null)) {
                throw new UsageException("--lyzr-api-key-env, --lyzr-api-key-file and --lyzr-api go with --lyzr-task-id");
            }
            return o;
        }

        private void set(String option, String value) throws UsageException {
            switch (option) {
                case "--url" -> url = value;
                case "--protocol" -> {
                    protocol = ProtocolChoice.ofId(value);
                    if (protocol == null) {
                        throw new UsageException("--protocol is one of auto, space-operator, space-operator-v1, lyzr");
                    }
                }
                case "--token-env" -> tokenEnv = value;
                case "--token-file" -> tokenFile = Path.of(value);
                case "--run" -> runs.add(value);
                case "--out" -> out = Path.of(value);
                case "--idle-timeout" -> idleTimeout = seconds(option, value);
                case "--give-up-after" -> giveUpAfter = seconds(option, value);
                case "--truststore" -> truststore = Path.of(value);
                case "--lyzr-task-id" -> lyzrTaskId = value;
                case "--lyzr-api-key-env" -> lyzrKeyEnv = value;
                case "--lyzr-api-key-file" -> lyzrKeyFile = Path.of(value);
                case "--lyzr-api" -> lyzrApi = value;
                case "--max-message-mb" -> {
                    double mb = positive(option, value);
                    if (mb > 2000) {
                        throw new UsageException("--max-message-mb is at most 2000");
                    }
                    maxMessageBytes = (long) (mb * 1024 * 1024);
                }
                default -> throw new UsageException("unknown argument " + option);
            }
        }

        private static Duration seconds(String option, String value) throws UsageException {
            return Duration.ofMillis((long) (positive(option, value) * 1000));
        }

        private static double positive(String option, String value) throws UsageException {
            try {
                double d = Double.parseDouble(value);
                if (!(d > 0) || d > 1e9) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a positive number, not '" + value + "'");
            }
        }

        ConnectionRequest request(Secret token, Secret lyzrKey) throws UsageException {
            URI uri;
            URI api;
            try {
                uri = URI.create(url.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--url is not a valid URL");
            }
            try {
                api = lyzrApi == null ? null : URI.create(lyzrApi);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--lyzr-api is not a valid URL");
            }
            ConnectionRequest.Builder builder;
            ConnectionRequest request;
            try {
                builder = ConnectionRequest.builder(uri).protocol(protocol).token(token).runIds(runs)
                        .giveUpAfter(giveUpAfter).maxMessageBytes(maxMessageBytes)
                        .truststore(truststore).allowInsecure(allowInsecure).lyzrTaskId(lyzrTaskId).lyzrApiKey(lyzrKey).lyzrApi(api);
                request = builder.idleTimeout(idleTimeout).build();
            } catch (IllegalArgumentException e) {
                throw new UsageException((e.getMessage().contains("Lyzr API") ? "--lyzr-api: " : "--url: ") + e.getMessage());
            }
            boolean lyzr = request.effectiveProtocol() == ProtocolChoice.LYZR;
            if (lyzr && !runs.isEmpty()) {
                throw new UsageException("a Lyzr run is named by the URL (/ws/{flow}/{run}); --run is for Space Operator");
            }
            if (lyzr && dev.runlens.connect.LyzrUrls.flowAndRun(uri) == null) {
                throw new UsageException("a Lyzr URL ends in /ws/{flow_name}/{run_name}");
            }
            if (!lyzr && lyzrTaskId != null) {
                throw new UsageException("--lyzr-task-id is for a Lyzr URL (/ws/{flow}/{run})");
            }
            if (!lyzr && runs.isEmpty()) {
                throw new UsageException("name at least one run to record with --run FLOW_RUN_ID");
            }
            if (!lyzr && idleTimeout == null) {
                return request;
            }
            if (lyzr && idleTimeout == null) {
                // Lyzr is silent for unknown or finished runs: never wait forever.
                return builder.idleTimeout(Duration.ofSeconds(120)).build();
            }
            return request;
        }
    }
}
