package dev.runlens.ui.launch;

import dev.runlens.connect.ConnectionRequest;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ConnectionOptions;
import dev.runlens.launch.OtlpOptions;
import dev.runlens.launch.SubCommand;
import dev.runlens.launch.TokenOptions;
import dev.runlens.launch.UsageException;
import dev.runlens.ui.app.LaunchOptions;
import dev.runlens.ui.app.RunlensApplication;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.connect.TokenSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code runlens watch}: the window, already connected. Takes {@code record}'s connection and
 * token options plus {@code --exit-when-finished} and {@code --stats-out FILE}. The token comes
 * from an environment variable or a file, never from an argument; it is read when connecting.
 */
@Command(name = "watch", description = "Open the dashboard connected; the session is recorded (--out, else the sessions folder).",
        exitCodeListHeading = "%nExit status (with --exit-when-finished, as record's):%n",
        exitCodeList = {"0:done", "1:the stats or the session log could not be written", "2:bad usage", "3:token refused", "4:run not found",
                "5:gave up"})
public final class WatchCommand extends SubCommand {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    TokenOptions token;

    @Mixin
    OtlpOptions otlp;

    @Option(names = "--out", paramLabel = "FILE", description = "The session log (default: a new file in the sessions folder).")
    Path out;

    @Option(names = "--exit-when-finished", description = "Close the window 1 s after every watched run has ended.")
    boolean exitWhenFinished;

    @Option(names = "--stats-out", paramLabel = "FILE", description = "Write events applied, runs and FX pulse figures at exit.")
    Path statsOut;

    /** The start {@code runlens start --watch} hands over (decision 0055); hidden: not for typing. */
    @Mixin
    StartHandOver start;

    private final Function<String, String> environment;

    public WatchCommand() {
        this(System::getenv);
    }

    private WatchCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        RunlensApplication.configure(launchOptions());
        RunlensApplication.open();
        return RunlensApplication.exitStatus();
    }

    /** What the window starts with; checked as {@code record} checks its options. */
    LaunchOptions launchOptions() {
        if (start.lyzr()) {
            // No connection yet: the window opens the run's socket itself, before posting the workflow.
            return new LaunchOptions(null, List.of(), exitWhenFinished, statsOut, out, otlp.endpoint(environment), start.lyzrStart());
        }
        connection.checkUrl();
        token.checkSet(environment);
        // Built once to check it; the window builds its own when it connects, with the token read then.
        ConnectionRequest request = connection.request(null, b -> { }, "watch");
        TokenSource source = token.file() != null ? new TokenSource.FromFile(token.file()) : new TokenSource.EnvVar(token.envName());
        ConnectionSettings settings = new ConnectionSettings(request.url().toString(),
                request.effectiveProtocol(), source, request.runIds(), null, null,
                new ConnectionSettings.Limits(request.idleTimeout(), request.giveUpAfter(), request.maxMessageBytes(),
                        request.truststore(), request.allowInsecure(), request.quietPeriod(), request.notFoundRetry()));
        return new LaunchOptions(settings, List.of(), exitWhenFinished, statsOut, out, otlp.endpoint(environment),
                start.spaceOperatorStart(request.runIds()));
    }

    /** The launch options for {@code args}; null for {@code --help}. Throws with the sentence on bad usage. */
    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        WatchCommand command = new WatchCommand(env::get);
        try {
            new CommandLine(command).parseArgs(args.toArray(new String[0]));
            return command.helpRequested() ? null : command.launchOptions();
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(CommandLines.sentence(e), e);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
