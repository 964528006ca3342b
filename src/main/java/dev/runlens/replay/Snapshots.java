package dev.runlens.replay;

import dev.runlens.model.ModelImage;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Periodic snapshots of the indexing model, so a seek starts from the nearest one at or before its
 * target instead of from the start. A snapshot is a {@link ModelImage}: runs that ended are shared
 * copy-on-write (consecutive snapshots share them, so they cost once), runs still going are kept as
 * compact columns (they change between any two snapshots; a shared copy of a long-lived run at
 * every snapshot was most of the memory). Snapshots are taken every {@code interval} entries, and
 * when their estimated total exceeds the budget ({@link #BYTES_PER_ENTRY} per indexed entry, at
 * least {@link #MIN_BUDGET}) every other one is dropped and the interval doubles. A longer interval
 * means more entries to re-apply per seek; re-applying is cheap (columns, not JSON). For the
 * generated 1,000,000-entry log the budget keeps seven snapshots, 131,072 entries apart (with
 * shared copies it kept one, 524,288 in; decision 13).
 */
final class Snapshots {
    static final int INITIAL_INTERVAL = 16384;
    static final long BYTES_PER_ENTRY = 36;
    static final long MIN_BUDGET = 24L << 20;

    private volatile Snapshot[] list = new Snapshot[0];
    private int interval;
    private long total;

    Snapshots(int initialInterval) {
        if (Integer.bitCount(initialInterval) != 1) {
            throw new IllegalArgumentException("the interval must be a power of two");
        }
        this.interval = initialInterval;
    }

    /** Writer thread: called after entry {@code position - 1} was appended and applied. */
    void afterAppend(int position, RunModel model) {
        if (position % interval != 0) {
            return;
        }
        Snapshot[] old = list;
        ModelImage shot = ModelImage.of(model);
        long cost = cost(shot, old.length == 0 ? null : old[old.length - 1].image());
        Snapshot[] next = Arrays.copyOf(old, old.length + 1);
        next[old.length] = new Snapshot(position, shot, cost);
        total += cost;
        while (total > Math.max(MIN_BUDGET, BYTES_PER_ENTRY * position) && next.length > 1) {
            interval *= 2;
            List<Snapshot> kept = new ArrayList<>();
            total = 0;
            for (Snapshot s : next) {
                if (s.position() % interval == 0) {
                    Snapshot prev = kept.isEmpty() ? null : kept.get(kept.size() - 1);
                    long c = cost(s.image(), prev == null ? null : prev.image());
                    kept.add(new Snapshot(s.position(), s.image(), c));
                    total += c;
                }
            }
            next = kept.toArray(new Snapshot[0]);
        }
        list = next;
    }

    /** Bytes a snapshot adds: its images of runs still going, and its ended runs that the previous one does not share. */
    private static long cost(ModelImage shot, ModelImage previous) {
        Set<Run> before = Collections.newSetFromMap(new IdentityHashMap<>());
        if (previous != null) {
            before.addAll(previous.sharedRuns());
        }
        List<Run> shared = shot.sharedRuns();
        long bytes = 256 + 16L * shared.size() + shot.imageBytes();
        for (Run r : shared) {
            if (!before.contains(r)) {
                bytes += estimate(r);
            }
        }
        return bytes;
    }

    /** The latest snapshot at or before {@code position}, or null (start from an empty model). */
    Snapshot atOrBefore(int position) {
        Snapshot[] a = list;
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].position() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? null : a[lo - 1];
    }

    int count() {
        return list.length;
    }

    int interval() {
        return interval;
    }

    long estimatedBytes() {
        return Arrays.stream(list).mapToLong(Snapshot::estimatedBytes).sum();
    }

    /**
     * Rough bytes of one run's copy: per execution its object, map entry and key (~136 bytes), per
     * error a list slot, per node a set entry, plus the run's maps. Checked against measured heap in
     * the replay benchmark.
     */
    static long estimate(Run r) {
        return 1024 + 136L * r.executions().size() + 16L * r.errors().size() + 56L * r.nodeCount() + 16L * r.gaps().size();
    }
}
