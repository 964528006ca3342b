package dev.runlens.ui.app;

import dev.runlens.cli.Command;
import dev.runlens.cli.ExitCodes;
import dev.runlens.connect.LyzrUrls;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.connect.ProtocolOption;
import dev.runlens.ui.connect.TokenSource;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runlens watch}: the window, already connected. Takes {@code record}'s connection options
 * plus {@code --exit-when-finished} and {@code --stats-out FILE}. The token comes from an
 * environment variable or a file, never from an argument.
 */
final class WatchCommand implements Command {
    static final String DEFAULT_TOKEN_ENV = "RUNLENS_TOKEN";

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String synopsis() {
        return "--url URL [--run ID]... [--exit-when-finished] [--stats-out FILE]   open the dashboard connected";
    }

    static String usage() {
        return "Usage: runlens watch --url URL [--protocol auto|space-operator|space-operator-v1|lyzr]\n"
                + "         [--token-env NAME | --token-file FILE] [--run FLOW_RUN_ID]... [--out FILE]\n"
                + "         [--idle-timeout S] [--give-up-after S] [--truststore FILE] [--allow-insecure]\n"
                + "         [--max-message-mb N] [--exit-when-finished] [--stats-out FILE]\n"
                + "Opens the dashboard connected; the session is recorded (--out, else the sessions folder).\n"
                + "The token is read from $" + DEFAULT_TOKEN_ENV + " (or --token-env NAME, or --token-file FILE).\n"
                + "--exit-when-finished closes the window 1 s after every watched run has ended;\n"
                + "--stats-out writes events applied, runs and FX pulse figures at exit.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("runlens watch: " + e.getMessage());
            err.print(usage());
            return ExitCodes.USAGE;
        }
        if (options == null) {
            out.print(usage());
            return ExitCodes.OK;
        }
        RunlensApplication.configure(options);
        RunlensApplication.open();
        return RunlensApplication.exitStatus();
    }

    /** The launch options for {@code args}; null for {@code --help}. Throws with a message on bad usage. */
    static LaunchOptions parse(List<String> args, java.util.Map<String, String> env) {
        String url = null;
        ProtocolOption protocol = ProtocolOption.AUTO;
        String tokenEnv = null;
        Path tokenFile = null;
        List<String> runs = new ArrayList<>();
        Path out = null;
        Path stats = null;
        boolean exitWhenFinished = false;
        Duration idle = null;
        Duration giveUp = null;
        Path truststore = null;
        boolean insecure = false;
        Long maxBytes = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--exit-when-finished" -> exitWhenFinished = true;
                case "--allow-insecure" -> insecure = true;
                case "--token" -> throw new IllegalArgumentException("a token is never passed as an argument: put it in $"
                        + DEFAULT_TOKEN_ENV + ", or use --token-env NAME or --token-file FILE");
                case "--url", "--protocol", "--token-env", "--token-file", "--run", "--out", "--stats-out", "--idle-timeout",
                        "--give-up-after", "--truststore", "--max-message-mb" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (a) {
                        case "--url" -> url = value;
                        case "--protocol" -> {
                            protocol = ProtocolOption.ofId(value);
                            if (protocol == null) {
                                throw new IllegalArgumentException("--protocol is one of auto, space-operator, space-operator-v1, lyzr");
                            }
                        }
                        case "--token-env" -> tokenEnv = value;
                        case "--token-file" -> tokenFile = Path.of(value);
                        case "--run" -> runs.add(value);
                        case "--out" -> out = Path.of(value);
                        case "--stats-out" -> stats = Path.of(value);
                        case "--idle-timeout" -> idle = seconds(a, value);
                        case "--give-up-after" -> giveUp = seconds(a, value);
                        case "--truststore" -> truststore = Path.of(value);
                        default -> maxBytes = (long) (positive(a, value) * 1024 * 1024);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        if (tokenEnv != null && tokenFile != null) {
            throw new IllegalArgumentException("use either --token-env or --token-file, not both");
        }
        URI uri;
        try {
            uri = URI.create(url.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a valid URL");
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("--url must start with ws:// or wss://");
        }
        boolean lyzr = protocol == ProtocolOption.LYZR || (protocol == ProtocolOption.AUTO && runs.isEmpty()
                && LyzrUrls.flowAndRun(uri) != null);
        if (lyzr && !runs.isEmpty()) {
            throw new IllegalArgumentException("a Lyzr run is named by the URL (/ws/{flow}/{run}); --run is for Space Operator");
        }
        if (lyzr && LyzrUrls.flowAndRun(uri) == null) {
            throw new IllegalArgumentException("a Lyzr URL ends in /ws/{flow_name}/{run_name}");
        }
        if (!lyzr && runs.isEmpty()) {
            throw new IllegalArgumentException("name at least one run to watch with --run FLOW_RUN_ID");
        }
        if (tokenEnv != null && (env.get(tokenEnv) == null || env.get(tokenEnv).isBlank())) {
            throw new IllegalArgumentException("the environment variable " + tokenEnv + " is not set");
        }
        TokenSource token = tokenFile != null ? new TokenSource.FromFile(tokenFile)
                : new TokenSource.EnvVar(tokenEnv != null ? tokenEnv : DEFAULT_TOKEN_ENV);
        ConnectionSettings settings = new ConnectionSettings(uri.toString(), lyzr ? ProtocolOption.LYZR : protocol, token, runs,
                null, null, new ConnectionSettings.Limits(idle, giveUp, maxBytes, truststore, insecure));
        return new LaunchOptions(settings, List.of(), exitWhenFinished, stats, out);
    }

    private static Duration seconds(String option, String value) {
        return Duration.ofMillis((long) (positive(option, value) * 1000));
    }

    private static double positive(String option, String value) {
        try {
            double d = Double.parseDouble(value);
            if (!(d > 0) || d > 1e9) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
        }
    }
}
