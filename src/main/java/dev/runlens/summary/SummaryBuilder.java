package dev.runlens.summary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.ReadAhead;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads log files through the decoders into one run model, counting frames as it goes. */
public final class SummaryBuilder {
    private final RunModel model = new RunModel();
    private final FrameStats stats = new FrameStats();
    private final List<String> problems = new ArrayList<>();

    /**
     * Reads a whole file; throws only when the file cannot be opened or is not a log. Frames are
     * decoded on the reading thread (the decoder and its v2 streams stay there) and applied to
     * the model on this one, so the two halves of the work use both cores.
     */
    public void add(Path file) throws IOException {
        LogReader reader = LogReader.open(file);
        FrameDecoder decoder = new FrameDecoder();
        ReadAhead.read(reader, entry -> decode(decoder, entry), this::accept);
    }

    /** A frame's index and event, or an entry that is not a frame. */
    private record Decoded(long index, ProtocolEvent event, LogEntry other) {
    }

    private static Decoded decode(FrameDecoder decoder, LogEntry entry) {
        if (entry instanceof LogEntry.Frame f) {
            return new Decoded(f.index(), f.node() != null ? decoder.decode(f.node(), null) : decoder.decode(f.text()), null);
        }
        if (entry instanceof LogEntry.Meta m) {
            SessionMeta.register(m, decoder);
        }
        return new Decoded(-1, null, entry);
    }

    private void accept(Decoded d) {
        if (d.other() == null) {
            ProtocolEvent event = d.event();
            stats.frame(event);
            if (event instanceof RunEvent e) {
                model.apply(e);
                if (e.problem() != null && problems.size() < 1000) {
                    problems.add("frame " + (d.index() + 1) + ": " + e.problem());
                }
            } else if (event instanceof MalformedFrame m && problems.size() < 1000) {
                problems.add("frame " + (d.index() + 1) + ": " + m.reason());
            }
        } else if (d.other() instanceof LogEntry.Corrupt c) {
            stats.corrupt(c);
            problems.add(c.reason());
        } else if (d.other() instanceof LogEntry.Meta m) {
            SessionMeta.applyToModel(m, model);
        }
    }

    public RunModel model() {
        return model;
    }

    public FrameStats stats() {
        return stats;
    }

    /** Reasons for malformed and invalid frames, in reading order (the first thousand). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public JsonNode toJson() {
        return SummaryJson.of(model, stats);
    }
}
