package dev.runlens.ui.theme;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.text.Font;

import java.util.Locale;

/**
 * The window's text size: the desktop's font size ({@code Font.getDefault()}) times a zoom factor
 * that Ctrl+= and Ctrl+- step through and Ctrl+0 resets. It is the root's {@code -fx-font-size};
 * Runlens's style sheet sizes its parts in em, so everything grows with it, and the timeline's
 * Canvas follows {@link #canvasScale}.
 */
public final class TextZoom {
    /** The zoom steps, as browsers and editors offer them. */
    static final double[] STEPS = {0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5};
    /** The text size the timeline's drawing was made for: JavaFX's default on Linux. */
    static final double CANVAS_DESIGN_SIZE = 13;
    private final double desktopSize;
    private final DoubleProperty factor = new SimpleDoubleProperty(1);

    public TextZoom(double desktopSize) {
        this.desktopSize = desktopSize > 0 ? desktopSize : CANVAS_DESIGN_SIZE;
    }

    /** Zoom over the desktop's font size. */
    public static TextZoom ofDesktop() {
        return new TextZoom(Font.getDefault().getSize());
    }

    /** Sets the root's font size, and the icons' size ({@link Icons}), now and at every change. */
    public void install(Parent root) {
        factor.subscribe(f -> {
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", fontSize()));
            Icons.textSize(fontSize());
        });
    }

    /** The factor, 1 for the desktop's size. */
    public DoubleProperty factorProperty() {
        return factor;
    }

    /** Sets a (remembered) factor, kept within the steps' range. */
    public void set(double f) {
        factor.set(Double.isFinite(f) ? Math.clamp(f, STEPS[0], STEPS[STEPS.length - 1]) : 1);
    }

    public void in() {
        for (double s : STEPS) {
            if (s > factor.get() + 1e-6) {
                factor.set(s);
                return;
            }
        }
    }

    public void out() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < factor.get() - 1e-6) {
                factor.set(STEPS[i]);
                return;
            }
        }
    }

    public void reset() {
        factor.set(1);
    }

    /** The window's text size in pixels. */
    public double fontSize() {
        return desktopSize * factor.get();
    }

    /** How much larger than its design size the timeline draws. */
    public DoubleBinding canvasScale() {
        return Bindings.createDoubleBinding(() -> fontSize() / CANVAS_DESIGN_SIZE, factor);
    }
}
