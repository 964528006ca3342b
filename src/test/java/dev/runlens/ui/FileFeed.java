package dev.runlens.ui;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.dashboard.Feed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a log file on the calling thread (a background thread in the app) and feeds every entry
 * to the bridge, exactly as a live connection would: decoded frames, gaps, unreadable parts.
 */
public final class FileFeed {
    private FileFeed() {
    }

    /** Returns the number of frames read; problems go to the bridge, never thrown. */
    public static long read(Path file, FrameBridge bridge, Feed feed) {
        FrameDecoder decoder = new FrameDecoder();
        long[] frames = {0};
        try {
            LogReader reader = LogReader.open(file);
            reader.read(entry -> accept(entry, decoder, bridge, feed, frames));
        } catch (IOException | RuntimeException e) {
            bridge.problem(feed, "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        return frames[0];
    }

    private static void accept(LogEntry entry, FrameDecoder decoder, FrameBridge bridge, Feed feed, long[] frames) {
        if (entry instanceof LogEntry.Frame f) {
            ProtocolEvent event = f.node() != null ? decoder.decode(f.node(), f.text()) : decoder.decode(f.text());
            String text = f.text() != null ? f.text() : String.valueOf(f.node());
            Instant at = f.receivedAt() != null ? f.receivedAt() : Instant.now();
            bridge.frame(feed, new ReceivedFrame(f.index(), at, text, event, f.offset()));
            frames[0]++;
        } else if (entry instanceof LogEntry.Corrupt c) {
            bridge.problem(feed, c.reason() + (c.preview().isEmpty() ? "" : ": " + c.preview()));
        } else if (entry instanceof LogEntry.Meta m) {
            switch (SessionMeta.read(m)) {
                case SessionMeta.StreamSubscribed s -> decoder.registerStream(s.streamId(), s.flowRunId());
                case SessionMeta.GapMarked g -> bridge.gap(feed, g.run(), g.gap());
                case SessionMeta.RunLearnt l -> bridge.reconciled(feed, m.at(), l.run(), l.fields());
                case SessionMeta.Informational _ -> { }
            }
        }
    }
}
