package dev.runlens.cli;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.ApiTarget;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.HttpActionOptions;
import dev.runlens.launch.SubCommand;
import dev.runlens.launch.TokenOptions;
import dev.runlens.launch.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.function.Function;

/**
 * {@code runlens stop}: asks a Space Operator server to stop a run ({@code POST /flow/stop/{run_id}}).
 * The run ends when its events say so; watch it to see the end. The token comes from the
 * environment or a file, never from an argument.
 */
@Command(name = "stop", description = "Ask a Space Operator server to stop a live run (POST /flow/stop/{run_id}).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stop requested", "2:bad usage", "3:token refused", "4:run not found (unknown, or already ended)",
                "5:no answer (unreachable, timeout)", "6:the server refused the stop"})
public final class StopCommand extends SubCommand {
    @Mixin
    TokenOptions token;

    @Option(names = "--url", paramLabel = "URL", required = true,
            description = "The server: its WebSocket URL (ws://host:8080/ws) or its HTTP base (http://host:8080).")
    String url;

    @Option(names = "--run", paramLabel = "RUN_ID", required = true, description = "The flow_run_id to stop.")
    String run;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, as the server records it.")
    String reason;

    @Mixin
    HttpActionOptions http;

    private final Function<String, String> environment;

    public StopCommand() {
        this(System::getenv);
    }

    /** With another environment (tests). */
    StopCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        token.check();
        ApiTarget target;
        try {
            target = ApiTarget.spaceOperator(URI.create(url), token.secret(environment), http.truststore, http.allowInsecure);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url: " + e.getMessage());
        }
        try {
            new SpaceOperatorApi(target, http.timeout).stop(run, reason);
        } catch (ActionFailure f) {
            spec.commandLine().getErr().println("runlens stop: " + f.sentence());
            return ExitCodes.ofAction(f.kind(), true);
        }
        spec.commandLine().getOut().println("Stop requested for run " + run + "; it has ended when its events say so.");
        return ExitCodes.OK;
    }
}
