package dev.runlens.ui.theme;

import dev.runlens.model.ExecutionStatus;
import dev.runlens.model.RunStatus;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;

/**
 * Colour and shape of each status. Shapes are drawn, not font glyphs, so they look the same on
 * every machine, and a status is never told by colour alone.
 */
public enum StatusStyle {
    RUNNING("running", Color.web("#2f6fde"), "M2 1 L9 5 L2 9 Z"),
    SUCCEEDED("succeeded", Color.web("#1f9d55"), "M1 5 L4 8 L9 2 L10 3 L4 10 L0 6 Z"),
    FAILED("failed", Color.web("#d93a3a"), "M1 2 L2 1 L5 4 L8 1 L9 2 L6 5 L9 8 L8 9 L5 6 L2 9 L1 8 L4 5 Z"),
    INTERRUPTED("interrupted", Color.web("#e08a00"), "M2 1 H4 V9 H2 Z M6 1 H8 V9 H6 Z"),
    NOT_RUN("not run", Color.web("#8a8f98"), "M5 1 A4 4 0 1 0 5.01 1 Z M5 2.5 A2.5 2.5 0 1 1 4.99 2.5 Z");

    private final String label;
    private final Color color;
    /** The SVG path of the icon in a 10×10 box. */
    private final String path;

    StatusStyle(String label, Color color, String path) {
        this.label = label;
        this.color = color;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public Color color() {
        return color;
    }

    public String styleClass() {
        return "status-" + name().toLowerCase().replace('_', '-');
    }

    public static StatusStyle of(ExecutionStatus s) {
        return switch (s) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
            default -> RUNNING;
        };
    }

    public static StatusStyle of(RunStatus s) {
        return switch (s) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            default -> RUNNING;
        };
    }

    /** A scene-graph icon, {@code size} pixels square. */
    public SVGPath icon(double size) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setFill(color);
        p.setScaleX(size / 10);
        p.setScaleY(size / 10);
        p.getStyleClass().addAll("status-icon", styleClass());
        return p;
    }

    /** Draws the icon with its top-left corner at (x, y) on a canvas. */
    public void draw(GraphicsContext gc, double x, double y, double size, Color fill) {
        gc.save();
        gc.translate(x, y);
        gc.scale(size / 10, size / 10);
        gc.setFill(fill);
        gc.beginPath();
        gc.appendSVGPath(path);
        gc.fill();
        gc.restore();
    }
}
