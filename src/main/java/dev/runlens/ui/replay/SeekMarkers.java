package dev.runlens.ui.replay;

import dev.runlens.replay.MarkerKind;
import dev.runlens.replay.ReplayIndex;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.Map;

/**
 * The strip under the seek slider: a tick per error (red, tallest), connection line or gap
 * (orange), malformed frame (purple) and node start (blue, short). Many markers in one pixel
 * column draw once, so a million-entry log costs one pass per redraw.
 */
public final class SeekMarkers extends Region {
    public static final Map<MarkerKind, Color> COLORS = new EnumMap<>(Map.of(
            MarkerKind.ERROR, Color.web("#d32f2f"),
            MarkerKind.CONNECTION, Color.web("#ef6c00"),
            MarkerKind.MALFORMED, Color.web("#7b1fa2"),
            MarkerKind.NODE_START, Color.web("#1e88e5")));
    static final double HEIGHT = 10;
    /** Horizontal inset matching the slider's thumb radius, so a tick sits under its position. */
    private static final double INSET = 7;
    private final Canvas canvas = new Canvas();
    private ReplayIndex index;
    /** The entries the strip spans: the size the transport shows, which follows a growing index a few times a second. */
    private int size;
    private int drawnSize = -1;

    public SeekMarkers() {
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        getStyleClass().add("seek-markers");
    }

    public void setIndex(ReplayIndex index) {
        this.index = index;
        size = index == null ? 0 : index.size();
        drawnSize = -1;
        redraw();
    }

    /** The entries the strip spans (at most the index's size); redraws when it changed. */
    public void setSize(int entries) {
        size = index == null ? 0 : Math.min(entries, index.size());
        refresh();
    }

    /** Redraws when the size shown changed since the last drawing. */
    public void refresh() {
        if (index != null && size != drawnSize) {
            redraw();
        }
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    /** The x of an entry's marker in this strip's coordinates. */
    public double xOf(int entry) {
        int n = index == null ? 0 : size;
        double w = Math.max(1, getWidth() - 2 * INSET);
        // The slider's value for a marker at entry i is i + 1 (the entry applied), over 0..n.
        return INSET + (n == 0 ? 0 : w * (entry + 1) / n);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (index == null || size == 0) {
            return;
        }
        drawnSize = size;
        draw(g, MarkerKind.NODE_START, 0.45);
        draw(g, MarkerKind.CONNECTION, 0.8);
        draw(g, MarkerKind.MALFORMED, 0.8);
        draw(g, MarkerKind.ERROR, 1.0);
    }

    /**
     * One tick per pixel column that holds a marker: from each drawn marker it jumps to the first
     * entry of the next column by a search in the sorted markers, so a redraw costs the strip's
     * width, not the markers' count (a million-entry log has hundreds of thousands of node starts).
     */
    private void draw(GraphicsContext g, MarkerKind kind, double height) {
        g.setStroke(COLORS.get(kind));
        g.setLineWidth(kind == MarkerKind.NODE_START ? 1 : 2);
        double h = canvas.getHeight();
        int n = size;
        double w = Math.max(1, getWidth() - 2 * INSET);
        int m = index.nextMarker(kind, -1);
        while (m >= 0 && m < n) {
            int x = (int) Math.round(xOf(m));
            g.strokeLine(x + 0.5, h, x + 0.5, h - h * height);
            // The first entry whose tick rounds to a column right of x.
            long next = (long) Math.ceil((x + 0.5 - INSET) * n / w) - 1;
            m = index.nextMarker(kind, (int) Math.max(m, Math.min(Integer.MAX_VALUE - 1, next - 1)));
        }
    }

    public Canvas canvas() {
        return canvas;
    }
}
