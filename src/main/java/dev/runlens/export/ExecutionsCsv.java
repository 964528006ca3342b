package dev.runlens.export;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A run's executions as CSV (RFC 4180): node, times, status, start, finish, duration, error. */
public final class ExecutionsCsv {
    public static final String HEADER = "run_id,node,times,status,started_at,finished_at,duration_ms,error";

    private ExecutionsCsv() {
    }

    /** The runs as one table: one header, then each run's rows (a header alone when there are none). */
    public static void writeAll(List<Run> runs, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (Run run : runs) {
            write(run, out);
        }
    }

    private static void write(Run run, Writer out) throws IOException {
        for (Execution e : run.executions()) {
            // Event times are not monotonic: a negative duration is shown as it is.
            String duration = e.startedAt() != null && e.finishedAt() != null
                    ? durationMillis(Duration.between(e.startedAt(), e.finishedAt())) : "";
            out.write(String.join(",", field(run.ref().runId()), field(e.node()), Integer.toString(e.times()), e.status().id(),
                    time(e.startedAt()), time(e.finishedAt()), duration, field(String.join(" | ", e.errors()))));
            out.write("\r\n");
        }
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static String durationMillis(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        // Cells that a spreadsheet would run as a formula are prefixed with a quote.
        String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
