package dev.runlens.cli;

import dev.runlens.log.LogFormatException;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;
import dev.runlens.summary.SummaryTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code runlens summary [--json] FILE...}: what happened in each run of the given logs. */
public final class SummaryCommand implements Command {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String synopsis() {
        return "[--json] FILE...   summarize the runs in event logs (any form, gzip too)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println("Usage: runlens summary [--json] FILE...");
                return ExitCodes.OK;
            } else if (a.startsWith("--")) {
                err.println("runlens summary: unknown option " + a);
                return ExitCodes.USAGE;
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            err.println("runlens summary: no file given (usage: runlens summary [--json] FILE...)");
            return ExitCodes.USAGE;
        }
        SummaryBuilder builder = new SummaryBuilder();
        for (Path file : files) {
            try {
                builder.add(file);
            } catch (NoSuchFileException e) {
                err.println("runlens summary: " + file + ": no such file");
                return ExitCodes.USAGE;
            } catch (AccessDeniedException e) {
                err.println("runlens summary: " + file + ": permission denied");
                return ExitCodes.USAGE;
            } catch (LogFormatException e) {
                err.println("runlens summary: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("runlens summary: " + file + ": cannot be read (" + e.getMessage() + ")");
                return ExitCodes.USAGE;
            }
        }
        if (json) {
            try {
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
}
