package dev.runlens.replay;

import dev.runlens.model.RunModel;

import java.io.IOException;

/**
 * Moves through an indexed log and keeps the run model exactly as it was at the playhead.
 *
 * <p><b>Positions.</b> A position {@code p} in {@code 0..index.size()} means "entries
 * {@code 0..p-1} have been applied": position 0 is before the first entry, position
 * {@code size()} is after the last. The entry shown as current is {@code p-1} ({@link #current()}).
 * Positions above the indexed prefix are clamped to it, so seeking works while indexing goes on.
 *
 * <p><b>Seeking</b> (forwards or backwards) starts from the nearest model snapshot at or before
 * the target, or from the current model when that is closer, and re-applies the entries in
 * between from the index's columns (no JSON parsing except for the few heavy entries). The result
 * equals the model built from scratch from entries {@code 0..p-1}.
 *
 * <p><b>Threads.</b> Not thread-safe: one thread (the replay worker, or the UI thread for small
 * steps) owns an engine. {@link #model()} is owned by the engine and changes on the next move;
 * hand {@code model().copy()} to another thread, or give the model away with {@link #handOver()}.
 * {@link #stateAt(ReplayIndex, int)} builds an independent model and may be called from any thread.
 *
 * <p><b>Identity.</b> Models share runs with the index's snapshots copy-on-write
 * ({@link RunModel#snapshot()}), so after a move a changed run (and its executions) may be a new
 * object: views keep selections by {@code (RunRef, node, times)}, not by object identity.
 */
public final class ReplayEngine {
    private final ReplayIndex index;
    private RunModel model = new RunModel();
    private int position;

    public ReplayEngine(ReplayIndex index) {
        this.index = index;
    }

    /** Entries applied so far. */
    public int position() {
        return position;
    }

    /** The entry the playhead is on (the last applied), or -1 at the start. */
    public int current() {
        return position - 1;
    }

    /** The state at {@link #position()}; owned by the engine (see the class comment). Null after {@link #handOver()}. */
    public RunModel model() {
        return model;
    }

    /**
     * Gives the model at {@link #position()} away instead of copying it (a replay seek hands it to
     * the window): the engine forgets it, and its next move starts from the nearest snapshot. The
     * model's ended runs are shared with the snapshots copy-on-write, so whoever changes one gets a
     * new {@code Run} object for it ({@link RunModel#snapshot()}).
     */
    public RunModel handOver() {
        if (model == null) {
            throw new IllegalStateException("the model at " + position + " was handed over already");
        }
        RunModel m = model;
        model = null;
        return m;
    }

    /**
     * Moves to {@code target} (clamped to {@code 0..index.size()}) and returns the model as after
     * entries {@code 0..target-1}. Throws IOException when a heavy entry cannot be read back from
     * the file; the engine then stays at a consistent earlier position.
     */
    public RunModel seek(int target) throws IOException {
        int p = Math.max(0, Math.min(target, index.size()));
        Snapshot s = index.snapshots().atOrBefore(p);
        int from = s == null ? 0 : s.position();
        // Forwards from the current model unless a snapshot is closer (or the target is behind).
        if (model == null || p < position || position < from) {
            model = s == null ? new RunModel() : s.image().restore();
            position = from;
        }
        applyUpTo(p);
        return model;
    }

    private void applyUpTo(int p) throws IOException {
        int start = position;
        try {
            EntryReplayer.apply(index, model, start, p);
            position = p;
        } catch (IOException | RuntimeException e) {
            // The model may hold part of the range: fall back to a known state.
            Snapshot s = index.snapshots().atOrBefore(start);
            model = s == null ? new RunModel() : s.image().restore();
            position = s == null ? 0 : s.position();
            EntryReplayer.apply(index, model, position, start);
            position = start;
            throw e;
        }
    }

    /** A new, independent model as after entries {@code 0..position-1}; any thread. */
    public static RunModel stateAt(ReplayIndex index, int position) throws IOException {
        int p = Math.max(0, Math.min(position, index.size()));
        Snapshot s = index.snapshots().atOrBefore(p);
        RunModel m = s == null ? new RunModel() : s.image().restore();
        EntryReplayer.apply(index, m, s == null ? 0 : s.position(), p);
        return m;
    }
}
