package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ended runs not yet looked at, in the order they ended: what a combined notice counts. A run
 * leaves when it is selected; all leave when the notice is dismissed. Used by the in-window notice
 * area and, separately, by each burst of desktop notifications.
 */
final class NoticeCounts {
    private final Map<RunRef, RunOutcome> unseen = new LinkedHashMap<>();

    void add(RunOutcome outcome) {
        // A run that ends again (a replayed reconciliation) moves to the end as its newest outcome.
        unseen.remove(outcome.ref());
        unseen.put(outcome.ref(), outcome);
    }

    boolean remove(RunRef ref) {
        return unseen.remove(ref) != null;
    }

    void clear() {
        unseen.clear();
    }

    boolean isEmpty() {
        return unseen.isEmpty();
    }

    int failed() {
        return (int) unseen.values().stream().filter(RunOutcome::failed).count();
    }

    int finished() {
        return unseen.size() - failed();
    }

    /** The failure that ended last, or null. */
    RunOutcome newestFailure() {
        List<RunOutcome> all = new ArrayList<>(unseen.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).failed()) {
                return all.get(i);
            }
        }
        return null;
    }

    /** The run that ended last, or null. */
    RunOutcome newest() {
        RunOutcome last = null;
        for (RunOutcome o : unseen.values()) {
            last = o;
        }
        return last;
    }

    /** "3 runs finished, 1 failed", "1 run failed", "2 runs finished"; empty when nothing is counted. */
    String summary() {
        int failed = failed();
        int finished = finished();
        if (finished == 0 && failed == 0) {
            return "";
        }
        if (finished == 0) {
            return failed == 1 ? "1 run failed" : failed + " runs failed";
        }
        String runs = finished == 1 ? "1 run finished" : finished + " runs finished";
        return failed == 0 ? runs : runs + ", " + failed + " failed";
    }
}
