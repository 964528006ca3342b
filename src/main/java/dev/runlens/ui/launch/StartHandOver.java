package dev.runlens.ui.launch;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.LyzrWorkflow;
import dev.runlens.act.StartedRun;
import dev.runlens.launch.UsageException;
import dev.runlens.ui.act.LyzrStartViewModel;
import dev.runlens.ui.app.PendingStart;
import dev.runlens.ui.connect.TokenSource;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The hidden options through which {@code runlens start --watch} hands its start to {@code watch}
 * (the command line may not know the window's classes, decision 0055): a Space Operator start
 * already made (its flow and tagged inputs, for the {@code run_started} line), or a Lyzr workflow
 * the window is to start itself. The key is named (variable or file), never passed.
 */
public final class StartHandOver {
    @Option(names = "--started-flow", hidden = true, paramLabel = "FLOW_ID")
    String startedFlow;

    @Option(names = "--started-inputs", hidden = true, paramLabel = "JSON")
    String startedInputs;

    @Option(names = "--start-lyzr-workflow", hidden = true, paramLabel = "FILE")
    Path workflow;

    @Option(names = "--start-lyzr-api", hidden = true, paramLabel = "URL")
    URI api;

    @Option(names = "--start-lyzr-socket", hidden = true, paramLabel = "URL")
    URI socket;

    @Option(names = "--start-lyzr-key-env", hidden = true, paramLabel = "NAME")
    String keyEnv;

    @Option(names = "--start-lyzr-key-file", hidden = true, paramLabel = "FILE")
    Path keyFile;

    @Option(names = "--start-lyzr-allow-insecure", hidden = true)
    boolean allowInsecure;

    boolean lyzr() {
        return workflow != null;
    }

    /** The Lyzr workflow to start once the window is up. */
    PendingStart lyzrStart() {
        if (api == null) {
            throw new UsageException("a Lyzr start needs --lyzr-api URL");
        }
        TokenSource key = keyFile != null ? new TokenSource.FromFile(keyFile) : new TokenSource.EnvVar(keyEnv != null ? keyEnv : "LYZR_API_KEY");
        try {
            return new PendingStart.Lyzr(new LyzrStartViewModel.Request(api, socket, LyzrWorkflow.read(workflow), key), allowInsecure);
        } catch (ActionFailure f) {
            throw new UsageException(f.sentence());
        }
    }

    /** The Space Operator start already made, or null when {@code watch} was not started by {@code start}. */
    PendingStart spaceOperatorStart(List<String> runIds) {
        if (startedFlow == null) {
            return null;
        }
        if (runIds.size() != 1) {
            throw new UsageException("--started-flow goes with exactly one --run");
        }
        return new PendingStart.Started(StartedRun.spaceOperator(runIds.get(0), startedFlow, startedInputs));
    }
}
