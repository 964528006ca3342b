package dev.runlens.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model as it was at one moment, for replay snapshots: runs that have ended are shared with the
 * model copy-on-write (whichever model changes a shared run copies it first; ended runs rarely
 * change again, so consecutive snapshots share them), and runs still going are kept as compact {@link RunImage}s (they change
 * between any two snapshots, and a shared copy of a long run was the bulk of the snapshots'
 * memory). {@link #restore()} gives a model equal to the one imaged. Immutable; any thread.
 */
public final class ModelImage {
    /** In run order: a shared {@link Run}, or a {@link RunImage}. */
    private final Object[] runs;
    private final long applied;

    private ModelImage(Object[] runs, long applied) {
        this.runs = runs;
        this.applied = applied;
    }

    /** An image of {@code model} as it is now; its ended runs become shared (copied on its next change). */
    public static ModelImage of(RunModel model) {
        List<Run> order = model.runs();
        Object[] runs = new Object[order.size()];
        for (int i = 0; i < runs.length; i++) {
            Run r = order.get(i);
            if (r.terminal) {
                r.shared = true;
                runs[i] = r;
            } else {
                runs[i] = new RunImage(r);
            }
        }
        return new ModelImage(runs, model.applied());
    }

    /** A new model equal to the one imaged: ended runs shared copy-on-write, the others made afresh. */
    public RunModel restore() {
        List<Run> order = new ArrayList<>(runs.length);
        for (Object o : runs) {
            order.add(o instanceof Run r ? r : ((RunImage) o).run());
        }
        return RunModel.of(order, applied);
    }

    /** The ended runs this image shares, in run order. */
    public List<Run> sharedRuns() {
        return Arrays.stream(runs).filter(Run.class::isInstance).map(Run.class::cast).toList();
    }

    /** Rough bytes of the compact images this snapshot holds of its runs still going. */
    public long imageBytes() {
        long bytes = 0;
        for (Object o : runs) {
            if (o instanceof RunImage i) {
                bytes += i.estimatedBytes();
            }
        }
        return bytes;
    }
}
