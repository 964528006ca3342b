package dev.runlens.ui.rows;

import dev.runlens.replay.ReplayIndex;

/**
 * A feed replayed from an indexed file: its runs' event rows are views over {@code index}, their
 * frames read back through {@code log}, and the summaries made while playing kept by entry.
 */
public final class IndexedFeed {
    private final ReplayIndex index;
    private final FrameRef.LogEntries log;
    private final EntrySummaries summaries = new EntrySummaries();

    public IndexedFeed(ReplayIndex index, FrameRef.LogEntries log) {
        this.index = index;
        this.log = log;
    }

    ReplayIndex index() {
        return index;
    }

    FrameRef.LogEntries log() {
        return log;
    }

    EntrySummaries summaries() {
        return summaries;
    }
}
