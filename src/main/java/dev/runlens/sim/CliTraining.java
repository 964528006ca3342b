package dev.runlens.sim;

import dev.runlens.Main;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command-line launcher's AOT training run ({@code packaging/build.xml}, decision 0072): in one
 * JVM, {@code runlens ARGS...} (the summary of the long log), then {@code record} of a firehose of
 * {@link #EVENTS} events that a simulator in this JVM sends on loopback. A cache is trained by one
 * run, so both commands share it: {@code record} then starts with the classes and method profiles
 * of its connection path (Tyrus, Grizzly, the decoder on the socket thread, the recorder) instead
 * of loading and profiling them in every run. Usage: {@code CliTraining FOLDER ARGS...}; the
 * firehose's session log and token go to FOLDER. Exits non-zero when either command fails.
 */
public final class CliTraining {
    /** Enough for the socket path's hot methods to reach C2 (about 1.5 s of CPU), small enough for every build. */
    static final int EVENTS = 200_000;

    private CliTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CliTraining FOLDER [RUNLENS-ARGS...]");
            System.exit(2);
        }
        int status = train(Path.of(args[0]), Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        System.exit(status);
    }

    /** Runs {@code runlens args} (if any), then records a firehose; the first non-zero status, else 0. */
    static int train(Path folder, String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length > 0) {
            int status = Main.run(args, out, err);
            if (status != 0) {
                err.println("CliTraining: runlens " + String.join(" ", args) + " exited with " + status);
                return status;
            }
        }
        return recordFirehose(folder, EVENTS, out, err);
    }

    /** {@code runlens record} of a firehose run of {@code events} from a simulator on 127.0.0.1. */
    static int recordFirehose(Path folder, int events, PrintStream out, PrintStream err) throws IOException {
        return withSimulator(folder, (sim, token) -> {
            List<String> record = List.of("record", "--url", sim.spaceOperatorUrl().toString(),
                    "--run", sim.startFirehose(events, 0), "--token-file", token.toString(),
                    "--out", folder.resolve("firehose.jsonl").toString());
            int status = Main.run(record.toArray(String[]::new), out, err);
            if (status != 0) {
                err.println("CliTraining: runlens record of the firehose exited with " + status);
            }
            return status;
        });
    }

    /** What a training run does with its simulator and the file that holds the simulator's token. */
    public interface SimulatorUse {
        int run(Simulator sim, Path token) throws IOException;
    }

    /**
     * Runs {@code use} against a simulator on 127.0.0.1 whose demo token is in
     * {@code FOLDER/simulator-token}; returns what it returns. Both launchers' training runs use it.
     */
    public static int withSimulator(Path folder, SimulatorUse use) throws IOException {
        Files.createDirectories(folder);
        // The server's start-up lines are noise in the training log.
        Logger grizzly = Logger.getLogger("org.glassfish");
        grizzly.setLevel(Level.WARNING);
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            Path token = folder.resolve("simulator-token");
            Files.writeString(token, sim.demoToken() + "\n", StandardCharsets.UTF_8);
            return use.run(sim, token);
        } finally {
            grizzly.setLevel(null);
        }
    }
}
