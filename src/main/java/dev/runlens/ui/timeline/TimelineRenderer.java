package dev.runlens.ui.timeline;

import dev.runlens.compare.Overdue;
import dev.runlens.history.UsualDuration;
import dev.runlens.model.Execution;
import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.Run;
import dev.runlens.ui.theme.Palette;
import dev.runlens.ui.theme.StatusStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.ZoneId;
import java.util.List;

/**
 * Paints one run's timeline: axis, one row per node, one bar per execution. Only the rows and the
 * time range in view are visited, and bars thinner than a pixel that fall on an already painted
 * pixel are skipped, so a paint costs about rows × pixels whatever the number of executions.
 * Everything painted is recorded in the {@link HitIndex}.
 */
final class TimelineRenderer {
    static final double LABEL_WIDTH = 170;
    static final double AXIS_HEIGHT = 24;
    static final double ROW_HEIGHT = 24;
    private static final double BAR_INSET = 4;
    private static final Font FONT = Font.font(11);
    /** Okabe-Ito orange: apart from the status colours for any colour vision; the text says it too. */
    private static final Color OVERDUE = Color.web("#E69F00");

    /** What a paint needs; {@code scrollY} in pixels. */
    record Frame(TimelineData data, Viewport viewport, double width, double height, double scrollY, double now,
                 TimeZoneMode zone, ZoneId localZone, Execution selected, Execution hover, Palette palette,
                 NodeNames names) {
    }

    private TimelineRenderer() {
    }

    static void paint(GraphicsContext gc, Frame f, HitIndex hits) {
        hits.clear();
        Palette p = f.palette();
        gc.setFill(p.background());
        gc.fillRect(0, 0, f.width(), f.height());
        gc.setFont(FONT);
        if (f.data() == null) {
            gc.setFill(p.mutedText());
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText("Select a run to see its node timeline", f.width() / 2, f.height() / 2);
            gc.setTextAlign(TextAlignment.LEFT);
            return;
        }
        Run run = f.data().run();
        f.data().prepare();
        double runStart = runStart(f);
        paintAxis(gc, f, runStart);
        List<TimelineRow> rows = f.data().rows();
        int first = (int) Math.max(0, Math.floor(f.scrollY() / ROW_HEIGHT));
        double plotLeft = f.viewport().left();
        double plotRight = plotLeft + f.viewport().width();
        // Backgrounds, then every row's bars under one clip to the plot area, then the labels: a
        // clip is a mask the software renderer draws, so one per frame rather than one per row.
        int last = first;
        for (int r = first; r < rows.size(); r++) {
            double top = AXIS_HEIGHT + r * ROW_HEIGHT - f.scrollY();
            if (top > f.height()) {
                break;
            }
            last = r + 1;
            if (r % 2 == 1) {
                gc.setFill(p.rowAlt());
                gc.fillRect(0, top, f.width(), ROW_HEIGHT);
            }
        }
        gc.save();
        gc.beginPath();
        gc.rect(plotLeft, AXIS_HEIGHT, plotRight - plotLeft, f.height() - AXIS_HEIGHT);
        gc.clip();
        for (int r = first; r < last; r++) {
            double top = AXIS_HEIGHT + r * ROW_HEIGHT - f.scrollY();
            TimelineRow row = rows.get(r);
            hits.row(top, top + ROW_HEIGHT);
            if (row.notRun()) {
                paintNotRun(gc, f, run, top);
            } else {
                paintBars(gc, f, run, row, top, hits);
            }
        }
        gc.restore();
        for (int r = first; r < last; r++) {
            paintLabel(gc, f, rows.get(r), AXIS_HEIGHT + r * ROW_HEIGHT - f.scrollY());
        }
        if (!run.terminal()) {
            double x = f.viewport().x(f.now());
            if (x >= plotLeft && x <= plotRight) {
                gc.setFill(p.nowLine());
                gc.fillRect(Math.round(x) - 1, AXIS_HEIGHT - 6, 2, f.height() - AXIS_HEIGHT + 6);
                gc.fillText("now", x + 3, AXIS_HEIGHT - 6);
            }
        }
        gc.setFill(p.grid());
        gc.fillRect(LABEL_WIDTH - 1, 0, 1, f.height());
    }

    private static double runStart(Frame f) {
        Run run = f.data().run();
        if (run.startedAt() != null) {
            return TimelineRow.millis(run.startedAt());
        }
        double[] extent = f.data().extent(f.now());
        return extent == null ? 0 : extent[0];
    }

    private static void paintAxis(GraphicsContext gc, Frame f, double runStart) {
        Palette p = f.palette();
        Viewport v = f.viewport();
        double step = TimeAxis.step(v.millisPerPixel(), 90);
        double firstTick = Math.ceil(v.start() / step) * step;
        if (f.zone() == TimeZoneMode.RELATIVE) {
            firstTick = runStart + Math.ceil((v.start() - runStart) / step) * step;
        }
        gc.setTextBaseline(VPos.CENTER);
        // Grid lines are one-pixel rectangles: the software renderer fills those directly, while
        // a stroked line goes through its path rasterizer (a third of its time per frame).
        for (double t = firstTick; t <= v.end(); t += step) {
            double x = Math.floor(v.x(t)) + 0.5;
            if (x < v.left()) {
                continue;
            }
            gc.setFill(p.grid());
            gc.fillRect(x - 0.5, AXIS_HEIGHT, 1, f.height() - AXIS_HEIGHT);
            gc.setFill(p.mutedText());
            gc.fillText(TimeAxis.label(t, step, f.zone(), runStart, f.localZone()), x + 3, AXIS_HEIGHT / 2);
        }
        gc.setFill(p.grid());
        gc.fillRect(0, AXIS_HEIGHT - 1, f.width(), 1);
        gc.setFill(p.mutedText());
        gc.fillText(f.zone() == TimeZoneMode.RELATIVE ? "since run start" : f.zone() == TimeZoneMode.UTC ? "UTC"
                : f.localZone().getId(), 6, AXIS_HEIGHT / 2);
    }

    private static void paintLabel(GraphicsContext gc, Frame f, TimelineRow row, double top) {
        Palette p = f.palette();
        gc.setFill(f.palette().background());
        gc.fillRect(0, top, LABEL_WIDTH - 1, ROW_HEIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(row.notRun() ? p.mutedText() : p.text());
        String name = f.names().name(row.node());
        if (name.length() > 22) {
            name = name.substring(0, 21) + "…";
        }
        gc.fillText(name, 8, top + ROW_HEIGHT / 2);
        if (row.size() > 1) {
            gc.setFill(p.mutedText());
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText("×" + row.size(), LABEL_WIDTH - 8, top + ROW_HEIGHT / 2);
            gc.setTextAlign(TextAlignment.LEFT);
        }
    }

    private static void paintNotRun(GraphicsContext gc, Frame f, Run run, double top) {
        double[] extent = f.data().extent(f.now());
        if (extent == null) {
            return;
        }
        double x0 = f.viewport().x(extent[0]);
        double x1 = f.viewport().x(extent[1]);
        Color c = StatusStyle.NOT_RUN.color();
        gc.setStroke(c);
        gc.setLineWidth(1);
        gc.setLineDashes(4, 3);
        gc.strokeRect(x0 + 0.5, top + BAR_INSET + 0.5, Math.max(2, x1 - x0), ROW_HEIGHT - 2 * BAR_INSET);
        gc.setLineDashes((double[]) null);
        double lx = Math.max(x0, f.viewport().left()) + 4;
        StatusStyle.NOT_RUN.draw(gc, lx, top + ROW_HEIGHT / 2 - 5, 10, c);
        gc.setFill(c);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText("not run", lx + 14, top + ROW_HEIGHT / 2);
    }

    private static void paintBars(GraphicsContext gc, Frame f, Run run, TimelineRow row, double top, HitIndex hits) {
        Viewport v = f.viewport();
        double from = v.start();
        double to = v.end();
        double barTop = top + BAR_INSET;
        double barHeight = ROW_HEIGHT - 2 * BAR_INSET;
        double lastPixel = Double.NEGATIVE_INFINITY;
        boolean lastFailed = false;
        boolean multi = row.size() > 1;
        // When every ended bar is shorter than a pixel, the bars starting inside an already painted
        // pixel can be jumped over by binary search; running bars are painted separately below.
        boolean canSkip = row.maxClosedDuration() < v.millisPerPixel();
        java.util.SortedSet<Integer> running = row.running();
        int selectedAt = row.positionOf(f.selected());
        gc.setTextBaseline(VPos.CENTER);
        int n = row.sortedSize();
        for (int i = row.firstVisible(from); i < n; i++) {
            double start = row.startAt(i);
            if (start > to) {
                break;
            }
            if (Double.isNaN(start)) {
                continue;
            }
            Execution e = row.sortedAt(i);
            double end = TimelineRow.endMillis(e, run, f.now());
            if (end < from) {
                continue;
            }
            double x0 = v.x(start);
            double x1 = Math.max(x0 + 1, v.x(end));
            boolean failed = e.status() == ExecutionStatus.FAILED;
            double pixel = Math.floor(x0);
            if (x1 - x0 <= 1.5 && pixel <= lastPixel && (lastFailed || !failed) && e != f.selected()) {
                if (canSkip && !failed) {
                    int next = row.firstStartingAt(v.time(lastPixel + 1), i + 1) - 1;
                    if (next > i && !row.anyFailed(i + 1, next) && !(selectedAt > i && selectedAt <= next)) {
                        i = next;
                    }
                }
                continue; // same pixel as a bar already painted: nothing new to see
            }
            lastPixel = Math.floor(x1);
            lastFailed = failed;
            paintBar(gc, f, e, x0, x1, barTop, barHeight, multi);
            hits.bar(x0, x1, e);
        }
        if (canSkip) {
            for (int i : running) {
                Execution e = row.sortedAt(i);
                double start = row.startAt(i);
                if (start <= to && f.now() >= from) {
                    double x0 = v.x(start);
                    paintBar(gc, f, e, x0, Math.max(x0 + 1, v.x(f.now())), barTop, barHeight, multi);
                    hits.bar(x0, Math.max(x0 + 1, v.x(f.now())), e);
                }
            }
        }
    }

    private static void paintBar(GraphicsContext gc, Frame f, Execution e, double x0, double x1, double top,
                                 double height, boolean multi) {
        StatusStyle style = StatusStyle.of(e.status());
        Color c = style.color();
        double w = x1 - x0;
        UsualDuration usual = f.data().usual(e.node());
        if (usual != null) {
            paintUsual(gc, f, x0, usual, top, height);
        }
        boolean running = e.status() == ExecutionStatus.RUNNING;
        if (running || e.status() == ExecutionStatus.INTERRUPTED) {
            // Running: lighter, outlined; interrupted: paler still, and hatched when there is room.
            gc.setFill(running ? c.deriveColor(0, 0.6, 1.25, 0.75) : c.deriveColor(0, 0.5, 1.2, 0.5));
            gc.fillRect(x0, top, w, height);
            gc.setStroke(c);
            gc.setLineWidth(1);
            if (!running && w > 6) {
                for (double hx = x0 - height; hx < x1; hx += 6) {
                    double ax = Math.max(x0, hx);
                    double ay = top + height - (ax - hx);
                    double bx = Math.min(x1, hx + height);
                    double by = top + height - (bx - hx);
                    gc.strokeLine(ax, ay, bx, by);
                }
            }
            gc.strokeRect(x0 + 0.5, top + 0.5, Math.max(0, w - 1), height - 1);
        } else {
            gc.setFill(c);
            gc.fillRect(x0, top, w, height);
        }
        if (w >= 16) {
            style.draw(gc, x0 + 3, top + height / 2 - 4.5, 9,
                    e.status() == ExecutionStatus.SUCCEEDED || e.status() == ExecutionStatus.FAILED ? Color.WHITE : c.darker());
            if (multi && w >= 40) {
                gc.setFill(e.status() == ExecutionStatus.SUCCEEDED || e.status() == ExecutionStatus.FAILED
                        ? Color.WHITE : f.palette().text());
                gc.fillText("#" + e.times(), x0 + 15, top + height / 2);
            }
        }
        if (usual != null && e.status() == ExecutionStatus.RUNNING && !e.finished()) {
            paintOverdue(gc, f, e, x0, x1, top, height, usual);
        }
        if (e == f.selected() || e == f.hover()) {
            gc.setStroke(e == f.selected() ? f.palette().selection() : c.darker());
            gc.setLineWidth(e == f.selected() ? 2 : 1);
            gc.strokeRect(x0 - 1, top - 1, w + 2, height + 2);
        }
    }

    /**
     * The node's usual duration behind its bar: a faint band from the bar's start to the median,
     * fainter to the 95th percentile, with a tick at the median. The bar covers what it has done.
     */
    private static void paintUsual(GraphicsContext gc, Frame f, double x0, UsualDuration usual, double top, double height) {
        double start = f.viewport().time(x0);
        double median = f.viewport().x(start + usual.medianMillis());
        double p95 = f.viewport().x(start + Math.max(usual.medianMillis(), usual.p95Millis()));
        Color band = f.palette().mutedText();
        gc.setFill(band.deriveColor(0, 1, 1, 0.22));
        gc.fillRect(x0, top + 2, Math.max(1, median - x0), height - 4);
        gc.setFill(band.deriveColor(0, 1, 1, 0.12));
        gc.fillRect(median, top + 2, Math.max(0, p95 - median), height - 4);
        gc.setFill(band.deriveColor(0, 1, 1, 0.6));
        gc.fillRect(Math.round(median), top, 1, height);
    }

    /** A running bar past its usual 95th percentile: a thick outline and "3.1×" after the bar, readable without colour. */
    private static void paintOverdue(GraphicsContext gc, Frame f, Execution e, double x0, double x1, double top, double height,
                                     UsualDuration usual) {
        double startMillis = TimelineRow.startMillis(e);
        double elapsed = f.now() - startMillis;
        if (Double.isNaN(startMillis) || !Overdue.past(elapsed, usual)) {
            return;
        }
        gc.setStroke(OVERDUE);
        gc.setLineWidth(2);
        gc.setLineDashes(5, 3);
        gc.strokeRect(x0 - 1, top - 1, (x1 - x0) + 2, height + 2);
        gc.setLineDashes((double[]) null);
        gc.setFill(f.palette().text());
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(String.format(java.util.Locale.ROOT, "⚠ %.1f×", Overdue.timesUsual(elapsed, usual)), x1 + 4, top + height / 2);
    }
}
