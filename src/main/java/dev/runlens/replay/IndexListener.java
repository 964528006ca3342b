package dev.runlens.replay;

/**
 * Told about indexing progress, on the indexing thread: return at once (hand over to the UI
 * thread yourself). {@code progress} comes at most about every 50 ms; {@code finished} once.
 */
public interface IndexListener {
    void progress(ReplayIndex index, double fraction, int entries);

    /** Indexing ended; {@code failure} is a plain sentence when reading stopped early, else null. */
    void finished(ReplayIndex index, String failure);
}
