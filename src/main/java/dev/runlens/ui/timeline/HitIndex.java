package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the last paint drew, for hit-testing: per visible row its vertical band and its bars' x
 * ranges in drawing order (non-decreasing left edges). Answers "what is under (x, y)" from what is
 * on screen, whatever the data size.
 */
public final class HitIndex {
    /** Bars narrower than this still catch the mouse within it. */
    static final double SLOP = 3;

    private final List<Band> bands = new ArrayList<>();

    private static final class Band {
        final double top;
        final double bottom;
        double[] x0 = new double[16];
        double[] x1 = new double[16];
        Execution[] items = new Execution[16];
        int size;

        Band(double top, double bottom) {
            this.top = top;
            this.bottom = bottom;
        }

        void add(double a, double b, Execution e) {
            if (size == items.length) {
                x0 = Arrays.copyOf(x0, size * 2);
                x1 = Arrays.copyOf(x1, size * 2);
                items = Arrays.copyOf(items, size * 2);
            }
            x0[size] = a;
            x1[size] = b;
            items[size++] = e;
        }
    }

    public void clear() {
        bands.clear();
    }

    /** Starts a new row band; bars added next belong to it. */
    public void row(double top, double bottom) {
        bands.add(new Band(top, bottom));
    }

    public void bar(double x0, double x1, Execution e) {
        bands.get(bands.size() - 1).add(x0, x1, e);
    }

    /** The execution drawn under (x, y), the nearest when several are within reach, or null. */
    public Execution hit(double x, double y) {
        for (Band b : bands) {
            if (y < b.top || y >= b.bottom) {
                continue;
            }
            Execution best = null;
            double bestDistance = Double.MAX_VALUE;
            // Left edges are sorted: skip bars that start too far right.
            for (int i = 0; i < b.size && b.x0[i] <= x + SLOP; i++) {
                double d = x < b.x0[i] ? b.x0[i] - x : x > b.x1[i] ? x - b.x1[i] : 0;
                if (d <= SLOP && d <= bestDistance) {
                    best = b.items[i];
                    bestDistance = d;
                }
            }
            return best;
        }
        return null;
    }

    public int bars() {
        return bands.stream().mapToInt(b -> b.size).sum();
    }
}
