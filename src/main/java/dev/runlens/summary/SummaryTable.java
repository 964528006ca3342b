package dev.runlens.summary;

import dev.runlens.json.Json;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunError;
import dev.runlens.model.RunModel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The readable form of a summary: one block per run, a table of its executions. */
public final class SummaryTable {
    private static final int OUTPUT_PREVIEW = 300;

    private SummaryTable() {
    }

    public static String render(RunModel model, FrameStats stats, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        for (Run run : model.runs()) {
            renderRun(sb, run);
            sb.append('\n');
        }
        if (model.runs().isEmpty()) {
            sb.append("No runs found.\n\n");
        }
        sb.append("frames: ").append(stats.total()).append(" read, ").append(stats.malformed()).append(" malformed");
        if (stats.invalid() > 0) {
            sb.append(", ").append(stats.invalid()).append(" invalid");
        }
        sb.append('\n');
        problems.stream().limit(10).forEach(p -> sb.append("  ").append(p).append('\n'));
        if (problems.size() > 10) {
            sb.append("  … ").append(problems.size() - 10).append(" more\n");
        }
        return sb.toString();
    }

    private static void renderRun(StringBuilder sb, Run run) {
        sb.append(run.ref().source().label()).append("  ").append(run.ref().runId()).append("  ")
                .append(run.status().id().toUpperCase(Locale.ROOT)).append('\n');
        sb.append("  started ").append(t(run.startedAt())).append("   finished ").append(t(run.finishedAt()))
                .append("   duration ").append(Durations.between(run.startedAt(), run.finishedAt()))
                .append("   events ").append(run.events()).append('\n');
        if (!run.executions().isEmpty()) {
            int width = Math.min(run.executions().stream().mapToInt(e -> e.node().length()).reduce(4, Math::max), 40);
            String fmt = "  %-" + width + "s  %5s  %-11s  %-27s  %10s  %7s  %s%n";
            sb.append(String.format(fmt, "NODE", "TIMES", "STATUS", "STARTED", "DURATION", "OUTPUTS", "ERRORS"));
            for (Execution e : run.executions()) {
                String node = e.node().length() > width ? e.node().substring(0, width - 1) + "…" : e.node();
                sb.append(String.format(fmt, node, e.times(), e.status().id(), t(e.startedAt()),
                        e.duration() == null ? "-" : Durations.format(e.duration()), e.outputs(), e.errorCount()));
            }
        }
        if (!run.notRun().isEmpty()) {
            sb.append("  not run: ").append(String.join(", ", run.notRun())).append('\n');
        }
        if (!run.errors().isEmpty()) {
            sb.append("  errors:\n");
            for (RunError err : run.errors()) {
                sb.append("    ").append(err.node() == null ? "(flow)" : err.node() + " #" + err.times())
                        .append(": ").append(err.message()).append('\n');
            }
        }
        if (!run.gaps().isEmpty()) {
            sb.append("  gaps: ").append(run.gaps().size()).append(" (events may be missing)\n");
        }
        if (!run.reconciled().isEmpty()) {
            sb.append("  reconciled from task-status: ").append(String.join(", ", run.reconciled())).append('\n');
        }
        if (run.output() != null) {
            String out = Json.compact(run.output());
            if (out.length() > OUTPUT_PREVIEW) {
                out = out.substring(0, OUTPUT_PREVIEW) + "… (" + out.length() + " chars)";
            }
            sb.append("  output: ").append(out).append('\n');
        }
    }

    private static String t(Instant i) {
        return i == null ? "-" : i.toString();
    }
}
