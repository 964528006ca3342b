package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.theme.StatusStyle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/** What the timeline's hover card says about an execution: node, times, status, start, finish, duration. */
final class HoverText {
    private HoverText() {
    }

    /**
     * {@code waitsForInput}: an ApiInput of the run is attributed to it. {@code now}: the wall clock
     * live, the playhead in replay (the end of a running execution so far).
     */
    static String of(Execution e, Run run, NodeNames names, TimeZoneMode zone, Supplier<Instant> now, boolean waitsForInput) {
        ZoneId local = ZoneId.systemDefault();
        StringBuilder b = new StringBuilder();
        b.append(names.name(e.node())).append("  #").append(e.times()).append("  ")
                .append(StatusStyle.of(e.status()).label()).append(waitsForInput ? ", waiting for input" : "").append('\n');
        if (names.shortened(e.node())) {
            // The label is a fragment: the full id is here, and "Copy node id" copies it.
            b.append("node id ").append(e.node()).append('\n');
        }
        b.append("start   ").append(TimeAxis.instant(e.startedAt(), zone, run.startedAt(), local)).append('\n');
        b.append("finish  ").append(e.finished() ? TimeAxis.instant(e.finishedAt(), zone, run.startedAt(), local)
                : run.terminal() ? "never (interrupted)" : "still running").append('\n');
        b.append("duration ").append(duration(e, run, now));
        if (e.errorCount() > 0) {
            b.append('\n').append(e.errorCount()).append(e.errorCount() == 1 ? " error" : " errors");
        }
        return b.toString();
    }

    private static String duration(Execution e, Run run, Supplier<Instant> now) {
        if (e.reportedDuration() != null) {
            return fmt(e.reportedDuration()) + " (execution_time, as the server measured it)";
        }
        if (e.startedAt() == null) {
            return "–";
        }
        Instant end = e.finished() ? e.finishedAt() : run.terminal() ? run.finishedAt() : now.get();
        if (end == null) {
            return "–";
        }
        Duration d = Duration.between(e.startedAt(), end);
        if (d.isNegative()) {
            // Server times are not monotonic: say so rather than invent a duration.
            return "finish is " + fmt(d.negated()) + " before start (server times)";
        }
        return fmt(d) + (e.finished() ? "" : " so far");
    }

    private static String fmt(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 1000 ? String.format("%.3f ms", ms) : String.format("%.3f s", ms / 1000);
    }
}
