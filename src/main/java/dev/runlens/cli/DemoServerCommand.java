package dev.runlens.cli;

import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code runlens demo-server [--port N] [--v1]}: runs the simulator until killed. */
public final class DemoServerCommand implements Command {
    /** Held so the level set stays; in a holder, so building the command starts no logging (see RecordCommand). */
    private static final class GrizzlyLog {
        static final Logger LOG = Logger.getLogger("org.glassfish");
    }

    @Override
    public String name() {
        return "demo-server";
    }

    @Override
    public String synopsis() {
        return "[--port N] [--v1]   run the built-in simulator on 127.0.0.1";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, new CountDownLatch(1));
    }

    /** Runs until {@code stop} opens (never, from the command line: the process is killed). */
    int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
        int port = 0;
        boolean v1 = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--v1" -> v1 = true;
                case "--port" -> {
                    if (i + 1 >= args.size()) {
                        err.println("runlens demo-server: --port needs a number");
                        return ExitCodes.USAGE;
                    }
                    try {
                        port = Integer.parseInt(args.get(++i));
                        if (port < 0 || port > 65535) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        err.println("runlens demo-server: --port needs a number from 0 to 65535");
                        return ExitCodes.USAGE;
                    }
                }
                case "--help", "-h" -> {
                    out.println("Usage: runlens demo-server [--port N] [--v1]");
                    return ExitCodes.OK;
                }
                default -> {
                    err.println("runlens demo-server: unknown argument " + a);
                    return ExitCodes.USAGE;
                }
            }
        }
        GrizzlyLog.LOG.setLevel(Level.WARNING);
        Simulator sim;
        try {
            sim = Simulator.start(SimulatorOptions.demo().toBuilder().port(port).v1(v1).build());
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
