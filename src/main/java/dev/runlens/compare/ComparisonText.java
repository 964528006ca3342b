package dev.runlens.compare;

import dev.runlens.model.Execution;
import dev.runlens.summary.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The comparison as the text table {@code runlens compare} prints, and the cells the window shows. */
public final class ComparisonText {
    private static final String[] HEADINGS = {"node", "iter", "status A", "status B", "duration A", "duration B", "Δ", "ratio",
        "input", "output"};

    private ComparisonText() {
    }

    public static String render(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(describe(c.a())).append('\n');
        sb.append("B: ").append(describe(c.b())).append('\n');
        sb.append(c.same() ? "Same: no execution differs in status, input or output.\n"
                : "Different: " + c.rows().stream().filter(ExecutionComparison::differs).count() + " of " + c.rows().size()
                + " executions differ in status, input or output.\n");
        sb.append('\n');
        List<String[]> lines = Stream.concat(Stream.<String[]>of(HEADINGS), c.rows().stream().map(ComparisonText::cells)).toList();
        int[] widths = new int[HEADINGS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                l.append(String.format("%-" + widths[i] + "s", line[i])).append(i + 1 < line.length ? "  " : "");
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        ExecutionComparison first = c.firstDifference();
        sb.append('\n');
        if (first == null) {
            sb.append("No output differs.\n");
        } else {
            sb.append("First differing output: ").append(first.key()).append(" (B → A)\n");
            c.firstOutputDiff().forEach(d -> sb.append("  ").append(d.line()).append('\n'));
        }
        return sb.toString();
    }

    /** Recording (when there is one), run, status and execution count. */
    public static String describe(LoadedRun r) {
        return (r.recording() == null ? "live" : r.recording().toString()) + "  run " + r.run().ref() + "  "
                + r.run().status().id() + "  " + r.run().executions().size() + " executions";
    }

    /** The cells of one row, in the order of the headings. */
    public static String[] cells(ExecutionComparison row) {
        return new String[] {row.key().node(), Integer.toString(row.key().times()), status(row.a()), status(row.b()),
            duration(row.durationA()), duration(row.durationB()), delta(row.delta()), ratio(row.ratio()),
            row.input().mark() + " " + row.input().id(), row.output().mark() + " " + row.output().id()};
    }

    public static String status(Execution e) {
        return e == null ? "—" : e.status().id();
    }

    public static String duration(Duration d) {
        return d == null ? "—" : Durations.format(d);
    }

    public static String delta(Duration d) {
        if (d == null) {
            return "—";
        }
        return (d.isNegative() ? "" : "+") + Durations.format(d);
    }

    public static String ratio(double r) {
        return Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
