package dev.runlens.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** Tick spacing and labels for the time axis. Pure, so it is tested without a toolkit. */
public final class TimeAxis {
    private static final double[] STEPS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500,
        1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
        7_200_000, 21_600_000, 43_200_000, 86_400_000};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private TimeAxis() {
    }

    /** The smallest step that keeps ticks at least {@code minPixels} apart. */
    public static double step(double millisPerPixel, double minPixels) {
        double want = millisPerPixel * minPixels;
        return Arrays.stream(STEPS).filter(s -> s >= want).findFirst().orElse(STEPS[STEPS.length - 1]);
    }

    public static String label(double millis, double step, TimeZoneMode mode, double runStart, ZoneId local) {
        if (mode == TimeZoneMode.RELATIVE) {
            return relative(millis - runStart, step);
        }
        ZoneId zone = mode == TimeZoneMode.UTC ? ZoneOffset.UTC : local;
        Instant t = Instant.ofEpochSecond(0, Math.round(millis * 1e6));
        String text = (step < 1000 ? MILLIS : SECONDS).format(t.atZone(zone));
        return step < 1 ? text + String.format("%.2f", (millis - Math.floor(millis))).substring(1) : text;
    }

    /** A full timestamp for tooltips. */
    public static String instant(Instant t, TimeZoneMode mode, Instant runStart, ZoneId local) {
        if (t == null) {
            return "–";
        }
        if (mode == TimeZoneMode.RELATIVE && runStart != null) {
            return relative(TimelineRow.millis(t) - TimelineRow.millis(runStart), 0.001);
        }
        ZoneId zone = mode == TimeZoneMode.UTC ? ZoneOffset.UTC : local;
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(t.atZone(zone))
                + (mode == TimeZoneMode.UTC ? " UTC" : "");
    }

    static String relative(double ms, double step) {
        String sign = ms < 0 ? "-" : "+";
        double a = Math.abs(ms);
        if (a < 1000 && step < 1000) {
            return sign + (step < 1 ? String.format("%.3f ms", a) : String.format("%.0f ms", a));
        }
        if (a < 60_000) {
            return sign + (step < 1000 ? String.format("%.3f s", a / 1000) : String.format("%.0f s", a / 1000));
        }
        long s = (long) (a / 1000);
        if (s < 3600) {
            return sign + String.format("%dm%02ds", s / 60, s % 60);
        }
        return sign + String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
