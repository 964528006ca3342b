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
import java.util.Arrays;

/** Reads log files through the decoders into one run model, counting frames as it goes. */
public final class SummaryBuilder {
    private final RunModel model = new RunModel();
    private final FrameStats stats = new FrameStats();
    private final List<String> problems = new ArrayList<>();
    /** Frames of the file being read so far: the next frame's index, for problems. */
    private long frameIndex;

    /**
     * Reads a whole file; throws only when the file cannot be opened or is not a log. Three
     * threads overlap: one reads lines and unescapes a session line's frame into a copy of its
     * bytes, one decodes (the decoder and its v2 streams stay there; no String is made of such a
     * frame), and this one applies the events to the model.
     */
    public void add(Path file) throws IOException {
        LogReader reader = LogReader.open(file);
        FrameDecoder decoder = new FrameDecoder();
        frameIndex = 0;
        ReadAhead.read(out -> reader.read(new LogReader.AsciiFrameSink() {
            @Override
            public void asciiFrame(byte[] frame, int length) {
                out.accept(Arrays.copyOf(frame, length + 1));  // one spare byte, which the decoder may overwrite
            }

            @Override
            public void accept(LogEntry entry) {
                out.accept(entry);
            }
        }), item -> decode(decoder, item), this::accept);
    }

    /** On the decoding thread: a frame (bytes or entry) becomes its event; meta lines and damage pass as they are. */
    private static Object decode(FrameDecoder decoder, Object item) {
        return switch (item) {
            case byte[] frame -> decoder.decode(frame, 0, frame.length - 1);
            case LogEntry.Frame f -> f.node() != null ? decoder.decode(f.node(), null) : decoder.decode(f.text());
            case LogEntry.Meta m -> {
                SessionMeta.register(m, decoder);
                yield m;
            }
            default -> item;
        };
    }

    /** On this thread, in file order: a frame's event, a meta line or a damaged piece. */
    private void accept(Object item) {
        switch (item) {
            case ProtocolEvent event -> frame(event, frameIndex++);
            case LogEntry.Corrupt c -> {
                stats.corrupt(c);
                problems.add(c.reason());
            }
            case LogEntry.Meta m -> SessionMeta.applyToModel(m, model);
            default -> throw new IllegalStateException("not an entry: " + item);
        }
    }

    private void frame(ProtocolEvent event, long index) {
        stats.frame(event);
        if (event instanceof RunEvent e) {
            model.apply(e);
            if (e.problem() != null && problems.size() < 1000) {
                problems.add("frame " + (index + 1) + ": " + e.problem());
            }
        } else if (event instanceof MalformedFrame m && problems.size() < 1000) {
            problems.add("frame " + (index + 1) + ": " + m.reason());
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
