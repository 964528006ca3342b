package dev.runlens.cli;

import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.SubCommand;
import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code runlens demo-server [--port N] [--v1]}: runs the simulator until killed. */
@Command(name = "demo-server", description = "Run the built-in simulator on 127.0.0.1 (Space Operator and Lyzr) until stopped.")
public final class DemoServerCommand extends SubCommand {
    @Option(names = "--port", paramLabel = "N", converter = Port.class, description = "The port (default: a free one).")
    int port;

    @Option(names = "--v1", description = "Speak Space Operator's v1 protocol instead of v2.")
    boolean v1;

    private final CountDownLatch stop;

    public DemoServerCommand() {
        this(new CountDownLatch(1));
    }

    /** Runs until {@code stop} opens (never, from the command line: the process is killed). */
    DemoServerCommand(CountDownLatch stop) {
        this.stop = stop;
    }

    /** A port number, 0 for any free one. */
    public static final class Port implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // the sentence below
            }
            throw new CommandLine.TypeConversionException("needs a number from 0 to 65535");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Grizzly's INFO lines on every start are noise here; held in a local while the server runs.
        Logger grizzly = Logger.getLogger("org.glassfish");
        grizzly.setLevel(Level.WARNING);
        Simulator sim;
        try {
            sim = Simulator.start(SimulatorOptions.builder().port(port).v1(v1).build());
        } catch (IOException e) {
            err.println("runlens demo-server: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        try (sim) {
            Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "runlens-demo-stop"));
            out.println("Runlens demo server on 127.0.0.1:" + sim.port() + " (Space Operator " + (v1 ? "v1" : "v2") + " and Lyzr)");
            out.println("  Space Operator URL: " + sim.spaceOperatorUrl());
            out.println("  demo API key (the simulator's own, not a secret): " + sim.demoToken());
            out.println("  record a run:  RUNLENS_TOKEN=" + sim.demoToken() + " runlens record --url "
                    + sim.spaceOperatorUrl() + " --run RUN_ID --out run.jsonl");
            out.println("  Lyzr API (POST /run-dag/, GET /task-status/{task_id}, x-api-key: the demo key): " + sim.lyzrApiUrl());
            out.println("New runs start every few seconds; each is listed below. Stop with Ctrl-C.");
            Set<String> shown = new HashSet<>();
            do {
                for (String id : sim.liveSpaceOperatorRuns()) {
                    if (shown.add(id)) {
                        out.println("live Space Operator run: " + id);
                    }
                }
                for (LyzrRunName n : sim.liveLyzrRuns()) {
                    if (shown.add(n.flow() + "/" + n.run())) {
                        out.println("Lyzr run (starts when you connect): " + sim.lyzrUrl(n.flow(), n.run()));
                    }
                }
                out.flush();
            } while (!awaitQuietly(stop));
        }
        grizzly.setLevel(null); // back to the default for whatever runs next in this JVM (tests)
        return ExitCodes.OK;
    }

    private static boolean awaitQuietly(CountDownLatch stop) {
        try {
            return stop.await(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
