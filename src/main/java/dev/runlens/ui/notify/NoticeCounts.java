package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;

import java.util.LinkedHashMap;

/**
 * Ended runs not yet looked at, in the order they ended: what a combined notice counts. A run
 * leaves when it is selected; all leave when the notice is dismissed. Used by the in-window notice
 * area and, separately, by each burst of desktop notifications.
 */
final class NoticeCounts {
    private final LinkedHashMap<RunRef, RunOutcome> unseen = new LinkedHashMap<>();

    void add(RunOutcome outcome) {
        // A run that ends again (a replayed reconciliation) moves to the end as its newest outcome.
        unseen.putLast(outcome.ref(), outcome);
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
        return unseen.sequencedValues().reversed().stream().filter(RunOutcome::failed).findFirst().orElse(null);
    }

    /** The run that ended last, or null. */
    RunOutcome newest() {
        return unseen.isEmpty() ? null : unseen.lastEntry().getValue();
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
