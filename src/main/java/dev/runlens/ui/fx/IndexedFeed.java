package dev.runlens.ui.fx;

import dev.runlens.replay.ReplayIndex;

/**
 * A feed replayed from an indexed file: its runs' event rows are views over {@code index}, their
 * frames read back through {@code log}, and the summaries made while playing kept by entry.
 */
record IndexedFeed(ReplayIndex index, FrameRef.LogEntries log, EntrySummaries summaries) {
}
