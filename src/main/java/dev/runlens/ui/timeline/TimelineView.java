package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.theme.Palette;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiConsumer;

/**
 * The node timeline: a Canvas the size of the viewport, repainted at most once per pulse when
 * something changed. Wheel zooms, drag pans, {@code F} fits, hover explains, click selects.
 */
public final class TimelineView extends Region {
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final Label tip = new Label();
    private final Viewport viewport = new Viewport();
    private final HitIndex hits = new HitIndex();
    private final NodeNames names;
    private final ObjectProperty<TimeZoneMode> zone = new SimpleObjectProperty<>(TimeZoneMode.UTC);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.LIGHT);
    /** The drawing's size over its design size (the window's zoom): painted through the canvas's transform, mouse positions divided by it. */
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    /** "Now" for running bars and the now line: the wall clock live, the playhead in replay. */
    private java.util.function.Supplier<Instant> clock = Instant::now;
    private final BiConsumer<Run, Execution> onSelect;
    private TimelineData data;
    private Execution selected;
    private Execution hover;
    private java.util.function.Function<Run, java.util.Map<String, dev.runlens.history.UsualDuration>> usual = r -> java.util.Map.of();
    private java.util.function.BiPredicate<Run, Execution> waitsForInput = (r, e) -> false;
    /** 20 repaints a second for streaming data: smooth to the eye, a third of the pulses' cost. */
    static final long DATA_REPAINT_NANOS = 50_000_000L;
    private boolean dirty = true;
    private boolean dataDirty;
    private long lastPaintNanos = Long.MIN_VALUE / 2;
    private boolean autoFit = true;
    private double pressX;
    private double pressY;
    private double lastDragX;
    private double lastDragY;
    private boolean dragged;

    public TimelineView(NodeNames names, BiConsumer<Run, Execution> onSelect) {
        this.names = names;
        this.onSelect = onSelect;
        createView();
        initListeners();
    }

    private void createView() {
        setId("timeline");
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setMin(0);
        tip.getStyleClass().add("timeline-tooltip");
        tip.setMouseTransparent(true);
        tip.setVisible(false);
        tip.setManaged(false);
        getChildren().addAll(canvas, vbar, tip);
        setMinSize(200, 120);
    }

    private void initListeners() {
        widthProperty().subscribe(w -> invalidate());
        heightProperty().subscribe(h -> invalidate());
        zone.subscribe(z -> invalidate());
        palette.subscribe(p -> invalidate());
        scale.subscribe(z -> requestLayout());
        vbar.valueProperty().subscribe(v -> invalidate());
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            pressX = lastDragX = e.getX() / z();
            pressY = lastDragY = e.getY() / z();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double x = e.getX() / z();
            double y = e.getY() / z();
            if (Math.abs(x - pressX) + Math.abs(y - pressY) > 3) {
                dragged = true;
            }
            if (dragged) {
                viewport.pan(x - lastDragX);
                vbar.setValue(clamp(vbar.getValue() - (y - lastDragY), vbar.getMin(), vbar.getMax()));
                lastDragX = x;
                lastDragY = y;
                autoFit = false;
                invalidate();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !dragged) {
                clickAt(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = null;
            tip.setVisible(false);
            invalidate();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShiftDown() || e.isControlDown()) {
            double dy = e.isShiftDown() && e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            vbar.setValue(clamp(vbar.getValue() - dy / z(), vbar.getMin(), vbar.getMax()));
        } else if (e.getDeltaY() != 0) {
            viewport.zoom(Math.pow(0.85, e.getDeltaY() / 40.0), Math.max(viewport.left(), e.getX() / z()));
            autoFit = false;
        } else if (e.getDeltaX() != 0) {
            viewport.pan(e.getDeltaX() / z());
            autoFit = false;
        }
        invalidate();
        e.consume();
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        double anchor = viewport.left() + viewport.width() / 2;
        if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            viewport.zoom(0.7, anchor);
            autoFit = false;
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            viewport.zoom(1 / 0.7, anchor);
            autoFit = false;
        } else if (code == KeyCode.LEFT || code == KeyCode.RIGHT) {
            step(code == KeyCode.RIGHT ? 1 : -1);
        } else if (code == KeyCode.UP || code == KeyCode.DOWN) {
            stepRow(code == KeyCode.DOWN ? 1 : -1);
        } else {
            return;
        }
        invalidate();
        e.consume();
    }

    /** Selects the next or previous execution of the selected node, in start order. */
    private void step(int direction) {
        Execution next = data == null ? null : selected == null ? data.nextRowStart(null, 1) : data.step(selected, direction);
        if (next != null) {
            onSelect.accept(data.run(), next);
        }
    }

    private void stepRow(int direction) {
        Execution next = data == null ? null : data.nextRowStart(selected, direction);
        if (next != null) {
            onSelect.accept(data.run(), next);
        }
    }

    /** Selects what is under (x, y) in canvas coordinates; returns it (or null). */
    public Execution clickAt(double x, double y) {
        Execution e = hits.hit(x / z(), y / z());
        if (e != null && data != null) {
            onSelect.accept(data.run(), e);
        }
        return e;
    }

    private void hoverAt(double x, double y) {
        Execution e = hits.hit(x / z(), y / z());
        if (e != hover) {
            hover = e;
            invalidate();
        }
        if (e == null) {
            tip.setVisible(false);
            return;
        }
        tip.setText(describe(e));
        tip.autosize();
        double tx = Math.min(x + 14, getWidth() - tip.getWidth() - 4);
        double ty = y + 18 + tip.getHeight() > getHeight() ? y - tip.getHeight() - 6 : y + 18;
        tip.relocate(Math.max(0, tx), Math.max(0, ty));
        tip.setVisible(true);
    }

    /** The hover text of an execution: node, times, status, start, finish, duration. */
    public String describe(Execution e) {
        String text = HoverText.of(e, data.run(), names, zone.get(), clock, waitsForInput.test(data.run(), e));
        dev.runlens.compare.Overdue late = dev.runlens.compare.Overdue.of(e, data.usual(e.node()), clock.get());
        return late != null ? text + "\n" + late.detail() : text;
    }

    /** Which executions wait for input (the hover says so); none by default. */
    public void setWaitsForInput(java.util.function.BiPredicate<Run, Execution> waits) {
        this.waitsForInput = waits;
    }

    /** Where each run's usual durations come from (the history); none by default. */
    public void setUsual(java.util.function.Function<Run, java.util.Map<String, dev.runlens.history.UsualDuration>> usual) {
        this.usual = usual;
        invalidate();
    }

    public void setData(TimelineData data) {
        if (this.data != data) {
            this.data = data;
            autoFit = true;
            hover = null;
            tip.setVisible(false);
            vbar.setValue(0);
        }
        invalidate();
    }

    public TimelineData data() {
        return data;
    }

    public void setSelected(Execution e) {
        selected = e;
        if (e != null && data != null) {
            revealRow(data.rowOf(e.node()));
        }
        invalidate();
    }

    private void revealRow(int row) {
        if (row < 0) {
            return;
        }
        double top = row * TimelineRenderer.ROW_HEIGHT;
        double visible = getHeight() / z() - TimelineRenderer.AXIS_HEIGHT;
        if (top < vbar.getValue()) {
            vbar.setValue(top);
        } else if (top + TimelineRenderer.ROW_HEIGHT > vbar.getValue() + visible) {
            vbar.setValue(clamp(top + TimelineRenderer.ROW_HEIGHT - visible, 0, vbar.getMax()));
        }
    }

    /** Zooms the time axis around canvas x (factor &lt; 1 zooms in); stops following the run's extent. */
    public void zoomAt(double factor, double x) {
        viewport.zoom(factor, x / z());
        autoFit = false;
        invalidate();
    }

    /** Fits the whole run into view and keeps fitting while it grows (until the next zoom or pan). */
    public void fit() {
        autoFit = true;
        invalidate();
    }

    /** Where "now" is (the replay playhead); null for the wall clock. */
    public void setClock(java.util.function.Supplier<Instant> clock) {
        this.clock = clock == null ? Instant::now : clock;
        invalidate();
    }

    /** Something the operator did (zoom, pan, hover, selection, resize): painted on the next pulse. */
    public void invalidate() {
        dirty = true;
    }

    /**
     * New events for the shown run: painted within {@link #DATA_REPAINT_NANOS}. Under a burst every
     * pulse brings data; repainting the whole canvas each time would cost more than the eye gains.
     */
    public void invalidateData() {
        dataDirty = true;
    }

    /**
     * Called once per pulse: paints at once after an interaction; for new data or the moving "now"
     * line of a live run, at most every {@link #DATA_REPAINT_NANOS}.
     */
    public void paintIfDirty() {
        long now = System.nanoTime();
        boolean live = data != null && !data.run().terminal();
        boolean due = (dataDirty || live) && now - lastPaintNanos >= DATA_REPAINT_NANOS;
        if (!dirty && !due) {
            return;
        }
        dirty = false;
        dataDirty = false;
        lastPaintNanos = now;
        paint();
    }

    private void paint() {
        double z = z();
        double w = canvas.getWidth() / z;
        double h = canvas.getHeight() / z;
        if (w < 1 || h < 1) {
            return;
        }
        double now = TimelineRow.millis(clock.get());
        if (data != null) {
            data.setUsual(usual.apply(data.run()));
        }
        viewport.setPlot(TimelineRenderer.LABEL_WIDTH, w - TimelineRenderer.LABEL_WIDTH - 10);
        if (data != null && autoFit) {
            double[] extent = data.extent(now);
            if (extent != null) {
                viewport.fit(extent[0], extent[1]);
            }
        }
        int rows = data == null ? 0 : data.rows().size();
        double content = rows * TimelineRenderer.ROW_HEIGHT;
        double visible = h - TimelineRenderer.AXIS_HEIGHT;
        vbar.setMax(Math.max(0, content - visible));
        vbar.setVisibleAmount(visible);
        vbar.setVisible(content > visible);
        if (vbar.getValue() > vbar.getMax()) {
            vbar.setValue(vbar.getMax());
        }
        javafx.scene.canvas.GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setTransform(z, 0, 0, z, 0, 0);
        TimelineRenderer.paint(gc, new TimelineRenderer.Frame(data, viewport, w, h,
                vbar.getValue(), now, zone.get(), ZoneId.systemDefault(), selected, hover, palette.get(), names), hits);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = vbar.prefWidth(-1);
        canvas.setWidth(Math.max(0, w - bw));
        canvas.setHeight(h);
        double axis = TimelineRenderer.AXIS_HEIGHT * z();
        vbar.resizeRelocate(w - bw, axis, bw, Math.max(0, h - axis));
        invalidate();
    }

    public ObjectProperty<TimeZoneMode> zoneProperty() {
        return zone;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    private double z() {
        return scale.get();
    }

    public Viewport viewport() {
        return viewport;
    }

    public HitIndex hitIndex() {
        return hits;
    }

    /** Canvas x of a time, y of the middle of a node's row (for tests and keyboard focus). */
    public double[] pointOf(Execution e) {
        data.prepare();
        double t = TimelineRow.startMillis(e);
        double end = TimelineRow.endMillis(e, data.run(), TimelineRow.millis(clock.get()));
        double x = (viewport.x(t) + viewport.x(end)) / 2;
        double y = TimelineRenderer.AXIS_HEIGHT + data.rowOf(e.node()) * TimelineRenderer.ROW_HEIGHT
                + TimelineRenderer.ROW_HEIGHT / 2 - vbar.getValue();
        return new double[] {x * z(), y * z()};
    }

    /** The hover card (tests read what it says). */
    Label hoverCard() {
        return tip;
    }

    public Canvas canvas() {
        return canvas;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
