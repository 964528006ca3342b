package dev.runlens.ui.rows;

import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.replay.ReplayIndex;

import java.io.IOException;

/**
 * A feed replayed from an indexed file: its runs' event rows are views over {@code index}, their
 * frames read back from the file by entry number, and the summaries made while playing kept by entry.
 */
public final class IndexedFeed implements FrameRef.LogEntries {
    private final ReplayIndex index;
    private final EntrySummaries summaries = new EntrySummaries();

    public IndexedFeed(ReplayIndex index) {
        this.index = index;
    }

    ReplayIndex index() {
        return index;
    }

    EntrySummaries summaries() {
        return summaries;
    }

    @Override
    public String text(int entry) throws IOException {
        return index.frames().text(entry);
    }

    @Override
    public ProtocolEvent event(int entry) throws IOException {
        return index.frames().receivedFrame(entry).event();
    }
}
