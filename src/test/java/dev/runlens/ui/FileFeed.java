package dev.runlens.ui;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.Gap;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.dashboard.Feed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
            if (SessionMeta.SUBSCRIBED.equals(m.kind()) && m.fields().path("stream_id").canConvertToLong()
                    && m.fields().path("flow_run_id").isTextual()) {
                decoder.registerStream(m.fields().get("stream_id").longValue(), m.fields().get("flow_run_id").textValue());
            } else if (SessionMeta.GAP.equals(m.kind())) {
                Source source = Source.ofId(m.fields().path("source").asText());
                String runId = m.fields().path("run_id").asText(null);
                if (source != null && runId != null) {
                    bridge.gap(feed, new RunRef(source, runId), new Gap(instant(m.fields().path("from").asText(null), m.at()),
                            instant(m.fields().path("to").asText(null), m.at()), m.fields().path("reason").asText("")));
                }
            } else if ((SessionMeta.FINAL_OUTPUT.equals(m.kind()) || SessionMeta.QUIET_END.equals(m.kind()))
                    && m.fields().path("flow_run_id").isTextual()) {
                bridge.reconciled(feed, m.at(), new RunRef(Source.SPACE_OPERATOR, m.fields().get("flow_run_id").textValue()), m.fields());
            } else if (SessionMeta.RECONCILED.equals(m.kind())) {
                Source source = Source.ofId(m.fields().path("source").asText());
                String runId = m.fields().path("run_id").asText(null);
                if (source != null && runId != null) {
                    bridge.reconciled(feed, m.at(), new RunRef(source, runId), m.fields());
                }
            }
        }
    }

    private static Instant instant(String text, Instant fallback) {
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
