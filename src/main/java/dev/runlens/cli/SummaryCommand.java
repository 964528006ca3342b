package dev.runlens.cli;

import dev.runlens.log.ReadProblem;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.SubCommand;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;
import dev.runlens.summary.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code runlens summary [--json] FILE...}: what happened in each run of the given logs. */
@Command(name = "summary", description = "Summarize the runs in event logs (any form, gzip too).",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the summary was printed", "2:a file is missing or not a log"})
public final class SummaryCommand extends SubCommand {
    @Option(names = "--json", description = "Print the summary as JSON (one object: runs and frame counts).")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Session logs, JSON Lines, pretty JSON, arrays, HAR; gzip too.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty()) {
            err.println("runlens summary: no file given (usage: runlens summary [--json] FILE...)");
            return ExitCodes.USAGE;
        }
        SummaryBuilder builder = new SummaryBuilder();
        for (Path file : files) {
            String problem = addTo(builder, file);
            if (problem != null) {
                err.println("runlens summary: " + problem);
                return ExitCodes.USAGE;
            }
        }
        if (json) {
            try {
                // Streamed: the summary of a large log is tens of MB.
                SummaryJson.write(builder.model().runs(), builder.stats(), out);
            } catch (IOException e) {
                err.println("runlens summary: could not write the summary (" + e.getMessage() + ")");
                return ExitCodes.FAILURE;
            }
        } else {
            out.print(SummaryTable.render(builder.model(), builder.stats(), builder.problems()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Reads {@code file} into the summary; why it cannot be read, as one sentence, or null. */
    private static String addTo(SummaryBuilder builder, Path file) {
        try {
            builder.add(file);
            return null;
        } catch (IOException e) {
            return ReadProblem.of(file, e);
        }
    }
}
