package dev.runlens.ui.replay;

import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.rows.FrameRef;

import java.io.IOException;

/** An opened log's entries for the dashboard's rows: texts and events read back from the file by entry number. */
final class IndexedFrames implements FrameRef.LogEntries {
    private final ReplayIndex index;

    IndexedFrames(ReplayIndex index) {
        this.index = index;
    }

    FrameRef.InLog ref(int entry) {
        return new FrameRef.InLog(this, entry, index.textLength(entry));
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
