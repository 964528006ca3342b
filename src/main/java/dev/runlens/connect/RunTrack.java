package dev.runlens.connect;

/**
 * What a connection knows about one watched Space Operator run across reconnects: how many of
 * its stream's events were kept (the replay of a new stream repeats exactly these first).
 */
final class RunTrack {
    final String runId;
    long kept;
    boolean finished;
    boolean notFound;
    /** Finished while disconnected: its last events were never received. */
    boolean incomplete;

    RunTrack(String runId) {
        this.runId = runId;
    }

    boolean active() {
        return !finished && !notFound;
    }
}
