package dev.runlens.ui.timeline;

/** The visible time range mapped onto the plot's pixels. Pure arithmetic, no toolkit. */
public final class Viewport {
    static final double MIN_SPAN_MS = 0.01;
    private double start;
    private double end = 1;
    private double left;
    private double width = 1;

    public void setPlot(double left, double width) {
        this.left = left;
        this.width = Math.max(1, width);
    }

    public void set(double startMillis, double endMillis) {
        if (endMillis - startMillis < MIN_SPAN_MS) {
            endMillis = startMillis + MIN_SPAN_MS;
        }
        this.start = startMillis;
        this.end = endMillis;
    }

    /** Shows [from, to] with a little room on both sides. */
    public void fit(double from, double to) {
        double pad = Math.max((to - from) * 0.03, 1);
        set(from - pad, to + pad);
    }

    public double x(double millis) {
        return left + (millis - start) / (end - start) * width;
    }

    public double time(double x) {
        return start + (x - left) / width * (end - start);
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) keeping the time under {@code anchorX} in place. */
    public void zoom(double factor, double anchorX) {
        double anchor = time(anchorX);
        double span = Math.max(MIN_SPAN_MS, (end - start) * factor);
        double ratio = (anchorX - left) / width;
        set(anchor - ratio * span, anchor - ratio * span + span);
    }

    public void pan(double dxPixels) {
        double dt = dxPixels / width * (end - start);
        set(start - dt, end - dt);
    }

    public double start() {
        return start;
    }

    public double end() {
        return end;
    }

    public double left() {
        return left;
    }

    public double width() {
        return width;
    }

    public double millisPerPixel() {
        return (end - start) / width;
    }
}
