package dev.runlens.cli;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.ApiTarget;
import dev.runlens.act.FlowInputs;
import dev.runlens.act.LyzrApi;
import dev.runlens.act.LyzrWorkflow;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.act.StartedRun;
import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.connect.Secret;
import dev.runlens.launch.ConnectionOptions;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.HttpActionOptions;
import dev.runlens.launch.LyzrKeySource;
import dev.runlens.launch.SubCommand;
import dev.runlens.launch.TokenOptions;
import dev.runlens.launch.UsageException;
import dev.runlens.log.SessionRecorder;
import dev.runlens.value.Tag;
import dev.runlens.value.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code runlens start}: starts a Space Operator flow ({@code POST /flow/start/{flow_id}}) or a
 * Lyzr workflow ({@code POST /run-dag/}), prints the run's id, and with {@code --record} records
 * it until it ends ({@code --watch}: opens the window on it; for Lyzr the window itself opens the
 * socket, then posts, decision 0055). Tokens and keys
 * come from the environment or a file, never from an argument.
 */
@Command(name = "start", description = {"Start a Space Operator flow or a Lyzr workflow and print the run's id.",
        "--record records the run until it ends (as record does).",
        "--watch opens the window on it (Lyzr: the window opens the run's socket, then posts the workflow)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:started (with --record or --watch --exit-when-finished: and the run ended)",
                "1:the log could not be written", "2:bad usage or inputs",
                "3:token refused", "4:run not found", "5:no answer, or gave up", "6:the server refused the start"})
public final class StartCommand extends SubCommand {
    @Mixin
    TokenOptions token;

    @Option(names = "--url", paramLabel = "URL", description = "Space Operator: the server's WebSocket URL (ws://host:8080/ws) or HTTP base.")
    String url;

    @Option(names = "--flow", paramLabel = "FLOW_ID", description = "Space Operator: the flow to start.")
    String flow;

    @Option(names = "--inputs", paramLabel = "FILE|-", description = "The flow's inputs, a JSON object (- reads standard input).")
    String inputs;

    @Option(names = "--tagged", description = "The inputs are tagged values ({\"n\":{\"U\":\"5\"}}); default: plain JSON, numbers as D.")
    boolean tagged;

    @Option(names = "--type", paramLabel = "NAME=TAG", description = "Send plain input NAME with this tag (U I U1 I1 F D S B N B3 B6 BY).")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--lyzr-api", paramLabel = "URL", description = "Lyzr: the API base (https://lao.studio.lyzr.ai).")
    String lyzrApi;

    @Option(names = "--workflow", paramLabel = "FILE", description = "Lyzr: the workflow object to post (a fresh run_name is set).")
    Path workflow;

    @Option(names = "--lyzr-socket", paramLabel = "URL", description = "Lyzr: the socket base (default: from --lyzr-api, lao.* -> lao-socket.*).")
    String lyzrSocket;

    @Mixin
    LyzrKeySource lyzrKey;

    @Option(names = "--record", description = "Record the run to a session log until it ends.")
    boolean record;

    @Option(names = "--watch", description = "Open the window on the run (a Lyzr run: the window opens its socket, then posts).")
    boolean watch;

    @Option(names = "--exit-when-finished", description = "With --watch: close the window 1 s after the run ended (or the start was refused).")
    boolean exitWhenFinished;

    @Option(names = "--out", paramLabel = "FILE", description = "The session log of --record or --watch (default: a new file in the sessions folder).")
    Path out;

    @Mixin
    HttpActionOptions http;

    private final Function<String, String> environment;
    private final Backoff backoff;
    private final InputStream stdin;

    public StartCommand() {
        this(System::getenv, Backoff.standard(), System.in);
    }

    /** With another environment, backoff and standard input (tests). */
    StartCommand(Function<String, String> environment, Backoff backoff, InputStream stdin) {
        this.environment = environment;
        this.backoff = backoff;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        token.check();
        lyzrKey.refuseArgument();
        if (record && watch) {
            throw new UsageException("use either --record or --watch, not both");
        }
        boolean so = url != null || flow != null;
        boolean lyzr = lyzrApi != null || workflow != null;
        if (so == lyzr) {
            throw new UsageException("start either a Space Operator flow (--url URL --flow FLOW_ID) or a Lyzr workflow "
                    + "(--lyzr-api URL --workflow FILE)");
        }
        if (exitWhenFinished && !watch) {
            throw new UsageException("--exit-when-finished goes with --watch");
        }
        if (out != null && !record && !watch) {
            throw new UsageException("--out goes with --record or --watch");
        }
        return so ? startSpaceOperator() : startLyzr();
    }

    private int startSpaceOperator() {
        if (url == null || flow == null) {
            throw new UsageException("a Space Operator start needs --url URL and --flow FLOW_ID");
        }
        URI uri = uri(url, "--url");
        Secret secret = token.secret(environment);
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Value> values;
        String runId;
        try {
            values = FlowInputs.parse(readInputs(), tagged ? FlowInputs.Form.TAGGED : FlowInputs.Form.PLAIN, tags());
            ApiTarget target = ApiTarget.spaceOperator(uri, secret, http.truststore, http.allowInsecure);
            runId = new SpaceOperatorApi(target, http.timeout).start(flow, values);
        } catch (ActionFailure f) {
            err.println("runlens start: " + f.sentence());
            return ExitCodes.ofAction(f.kind(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url: " + e.getMessage());
        }
        StartedRun started = StartedRun.spaceOperator(runId, flow, FlowInputs.taggedCompact(values));
        URI socket = socketOf(uri);
        if (record) {
            ConnectionRequest request = ConnectionRequest.builder(socket).token(secret).run(runId).truststore(http.truststore)
                    .allowInsecure(http.allowInsecure).build();
            return recording().run(request, file(), false, c -> started);
        }
        spec.commandLine().getOut().println(runId);
        spec.commandLine().getOut().flush();
        if (!watch) {
            return ExitCodes.OK;
        }
        // The window writes the run_started line into its session log (decision 0055).
        List<String> args = new ArrayList<>(List.of("--url", socket.toString(), "--run", runId, "--started-flow", flow));
        if (started.inputs() != null) {
            args.addAll(List.of("--started-inputs", started.inputs()));
        }
        if (token.file() != null) {
            args.addAll(List.of("--token-file", token.file().toString()));
        } else {
            args.addAll(List.of("--token-env", token.envName()));
        }
        if (http.truststore != null) {
            args.addAll(List.of("--truststore", http.truststore.toString()));
        }
        if (http.allowInsecure) {
            args.add("--allow-insecure");
        }
        return watch(args, "runlens watch --url " + socket + " --run " + runId);
    }

    private int startLyzr() {
        if (lyzrApi == null || workflow == null) {
            throw new UsageException("a Lyzr start needs --lyzr-api URL and --workflow FILE");
        }
        if (inputs != null || tagged || !types.isEmpty()) {
            throw new UsageException("--inputs, --tagged and --type are for Space Operator flows; a Lyzr workflow holds its inputs");
        }
        URI api = uri(lyzrApi, "--lyzr-api");
        Secret key = lyzrKey.read(environment, "run-dag");
        PrintWriter err = spec.commandLine().getErr();
        LyzrWorkflow w;
        LyzrApi client;
        try {
            w = LyzrWorkflow.freshRun(LyzrWorkflow.read(workflow));
            client = new LyzrApi(new ApiTarget(api, key, http.truststore, http.allowInsecure), http.timeout);
        } catch (ActionFailure f) {
            err.println("runlens start: " + f.sentence());
            return ExitCodes.ofAction(f.kind(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lyzr-api: " + e.getMessage());
        }
        if (watch) {
            return watchLyzr(api);
        }
        if (record) {
            ConnectionRequest request = ConnectionRequest.builder(LyzrUrls.of(lyzrSocketBase(api), w.flowName(), w.runName()))
                    .protocol(ProtocolChoice.LYZR).lyzrApiKey(key).lyzrApi(api).truststore(http.truststore)
                    .idleTimeout(ConnectionOptions.LYZR_IDLE_TIMEOUT).build();
            return recording().run(request, file(), true, c -> {
                String taskId = client.runDag(w.body());
                c.service().lyzrTaskId(taskId, null, null);
                return StartedRun.lyzr(w, taskId);
            });
        }
        try {
            String taskId = client.runDag(w.body());
            spec.commandLine().getOut().println(w.flowName() + "/" + w.runName() + " task_id=" + taskId);
            err.println("runlens start: nothing watches this run, and Lyzr does not replay: use --record to keep its events");
            return ExitCodes.OK;
        } catch (ActionFailure f) {
            err.println("runlens start: " + f.sentence());
            return ExitCodes.ofAction(f.kind(), false);
        }
    }

    /**
     * The window starts the Lyzr run itself, on its own start path (socket first, then run-dag):
     * the workflow and where the key is are handed to {@code watch}, never the key.
     */
    private int watchLyzr(URI api) {
        List<String> args = new ArrayList<>(List.of("--start-lyzr-workflow", workflow.toString(), "--start-lyzr-api", api.toString(),
                "--start-lyzr-socket", lyzrSocketBase(api).toString()));
        if (lyzrKey.file() != null) {
            args.addAll(List.of("--start-lyzr-key-file", lyzrKey.file().toString()));
        } else {
            args.addAll(List.of("--start-lyzr-key-env", lyzrKey.envName()));
        }
        if (http.allowInsecure) {
            args.add("--start-lyzr-allow-insecure");
        }
        return watch(args, "Run → Start a flow… in the window");
    }

    /** Opens the window through the root command's {@code watch}, which reads the token or key itself. */
    private int watch(List<String> args, String otherwise) {
        CommandLine root = spec.root().commandLine();
        CommandLine watcher = root.getSubcommands().get("watch");
        if (watcher == null) {
            throw new UsageException("--watch needs the runlens command (otherwise: " + otherwise + ")");
        }
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (exitWhenFinished) {
            args.add("--exit-when-finished");
        }
        watcher.setOut(root.getOut());
        watcher.setErr(root.getErr());
        return watcher.execute(args.toArray(new String[0]));
    }

    private String readInputs() throws ActionFailure {
        if (inputs == null) {
            return "";
        }
        try {
            return inputs.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(inputs), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ActionFailure(ActionFailure.Kind.BAD_INPUT, "Cannot read the inputs " + (inputs.equals("-") ? "from standard input" : inputs)
                    + ", so nothing was started.");
        }
    }

    private Map<String, Tag> tags() {
        Map<String, Tag> out = new LinkedHashMap<>();
        types.forEach((name, tag) -> {
            Tag t = Tag.ofKey(tag.strip().toUpperCase(Locale.ROOT));
            if (t == null) {
                throw new UsageException("--type " + name + "=" + tag + ": not a tag (U I U1 I1 F D S B N B3 B6 BY A M)");
            }
            out.put(name, t);
        });
        if (tagged && !out.isEmpty()) {
            throw new UsageException("--type is for plain inputs; tagged inputs carry their tags");
        }
        return out;
    }

    /** The socket base: {@code --lyzr-socket}, else the API's host with ws(s), {@code lao.*} → {@code lao-socket.*}. */
    private URI lyzrSocketBase(URI api) {
        return lyzrSocket != null ? uri(lyzrSocket, "--lyzr-socket") : LyzrWorkflow.socketBase(api);
    }

    /** The Space Operator socket for a URL given as the socket or as the HTTP base. */
    static URI socketOf(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.startsWith("ws")) {
            return url;
        }
        return URI.create((scheme.equals("https") ? "wss" : "ws") + "://" + url.getRawAuthority() + "/ws");
    }

    private static URI uri(String text, String option) {
        try {
            URI u = URI.create(text.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                throw new UsageException(option + " needs a URL with a scheme and a host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " is not a valid URL");
        }
    }

    private StartRecording recording() {
        return new StartRecording(spec.commandLine().getOut(), spec.commandLine().getErr(), backoff);
    }

    private Path file() {
        return out != null ? out : SessionRecorder.defaultFile(Instant.now());
    }
}
