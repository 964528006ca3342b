package dev.runlens.cli;

import dev.runlens.compare.ComparisonJson;
import dev.runlens.compare.ComparisonText;
import dev.runlens.compare.Comparison;
import dev.runlens.compare.LoadedRun;
import dev.runlens.compare.RecordingLoader;
import dev.runlens.compare.RunComparator;
import dev.runlens.json.Json;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.SubCommand;
import dev.runlens.log.ReadProblem;
import dev.runlens.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code runlens compare A B [--json] [--run RUN_A] [--run-b RUN_B]}: a run of recording A beside
 * a run of recording B (the baseline). Exit status as diff(1): 0 same, 1 different, 2 bad input.
 */
@Command(name = "compare", description = "Compare a run of recording A with a run of recording B (the baseline).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the runs are the same (status, inputs, outputs; durations do not count)",
            "1:the runs differ", "2:a file is missing or not a log, or a run is not found"})
public final class CompareCommand extends SubCommand {
    @Option(names = "--json", description = "Print the comparison as JSON (docs/compare.md).")
    boolean json;

    @Option(names = "--run", paramLabel = "RUN_A", description = "The run of A to compare (its id; default: the only or first finished run).")
    String runA;

    @Option(names = "--run-b", paramLabel = "RUN_B", description = "The run of B to compare with (its id; default: the only or first finished run).")
    String runB;

    @Parameters(index = "0", paramLabel = "A", description = "The recording of the run (any log form, gzip too).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The recording of the baseline (any log form, gzip too).")
    Path b;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedRun left;
        LoadedRun right;
        try {
            left = load(a, runA, "--run", err);
            right = load(b, runB, "--run-b", err);
        } catch (BadInput e) {
            err.println("runlens compare: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Comparison c = RunComparator.compare(left, right);
        out.print(json ? Json.pretty(ComparisonJson.of(c)) + "\n" : ComparisonText.render(c));
        out.flush();
        return c.same() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static LoadedRun load(Path file, String wanted, String option, PrintWriter err) throws BadInput {
        try {
            Run run = pick(file, RecordingLoader.runs(file), wanted, option, err);
            return RecordingLoader.load(file, run.ref()).orElseThrow(() -> new BadInput(file + ": run " + run.ref() + " vanished"));
        } catch (IOException e) {
            throw new BadInput(ReadProblem.of(file, e));
        }
    }

    /** The run {@code wanted} names (its id, with or without the protocol prefix), or the default one. */
    static Run pick(Path file, List<Run> runs, String wanted, String option, PrintWriter err) throws BadInput {
        if (runs.isEmpty()) {
            throw new BadInput(file + ": holds no run");
        }
        if (wanted != null) {
            return runs.stream().filter(r -> r.ref().runId().equals(wanted) || r.ref().toString().equals(wanted)).findFirst()
                    .orElseThrow(() -> new BadInput(file + ": no run " + wanted + " (it holds " + ids(runs) + ")"));
        }
        if (runs.size() == 1) {
            return runs.get(0);
        }
        Run chosen = runs.stream().filter(Run::terminal).findFirst().orElse(runs.get(0));
        err.println("runlens compare: " + file + " holds " + runs.size() + " runs; comparing " + chosen.ref().runId()
                + (chosen.terminal() ? ", the first finished one" : ", the first one") + " (choose with " + option + ")");
        return chosen;
    }

    private static String ids(List<Run> runs) {
        List<String> ids = runs.stream().limit(5).map(r -> r.ref().runId()).toList();
        return String.join(", ", ids) + (runs.size() > 5 ? ", …" : "");
    }

    /** Input the command cannot compare: one sentence, exit 2. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
