package dev.runlens.connect;

import java.time.Instant;

/**
 * What a connection knows about one watched Space Operator run across reconnects: how many of
 * its stream's events were kept (the replay of a new stream repeats exactly these first), and
 * the times that bound what may be missing from it.
 */
final class RunTrack {
    final String runId;
    long kept;
    boolean finished;
    boolean notFound;
    /** Finished while disconnected: its last events were never received. */
    boolean incomplete;
    /** The first cut since the run was last subscribed: the earliest moment events may be missing. */
    Instant lostAt;
    /** The first {@code not found} of a run seen before (another server instance may hold it). */
    Instant notFoundSince;
    /** When the last event of the run was received (replayed or live), or it was subscribed. */
    Instant lastEventAt;
    /** The last event was a SignatureRequest: a person may take long to sign. */
    boolean signaturePending;
    /** When the quiet run may be asked about again ({@code GET /flow/output}). */
    Instant nextQuietCheck;
    /** A quiet check is in flight. */
    boolean checkingQuiet;

    RunTrack(String runId) {
        this.runId = runId;
    }

    boolean active() {
        return !finished && !notFound;
    }

    /** The connection dropped at {@code now}. */
    void cut(Instant now) {
        if (lostAt == null && active()) {
            lostAt = now;
        }
    }

    /** The server streams the run again: nothing is missing any more. */
    void subscribed(Instant now) {
        lostAt = null;
        notFoundSince = null;
        lastEventAt = now;
        nextQuietCheck = null;
    }
}
