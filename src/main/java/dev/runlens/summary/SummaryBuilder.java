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
import java.util.function.Consumer;

/** Reads log files through the decoders into one run model, counting frames as it goes. */
public final class SummaryBuilder {
    private final RunModel model = new RunModel();
    private final FrameStats stats = new FrameStats();
    private final List<String> problems = new ArrayList<>();

    /**
     * Reads a whole file; throws only when the file cannot be opened or is not a log. Lines are
     * read and their frames decoded on a reading thread (the decoder and its v2 streams stay
     * there; a session line's frame is decoded from its bytes, with no String made of it) and the
     * events applied to the model on this one, so the two halves of the work use both cores.
     */
    public void add(Path file) throws IOException {
        LogReader reader = LogReader.open(file);
        FrameDecoder decoder = new FrameDecoder();
        frameIndex = 0;
        ReadAhead.read(out -> reader.read(new Decoding(decoder, out)), this::accept);
    }

    /** Frames of the file being read so far: the next frame's index, for problems. */
    private long frameIndex;

    /** On the reading thread: each frame becomes its event; meta lines and damage pass as they are. */
    private record Decoding(FrameDecoder decoder, Consumer<Object> out) implements LogReader.AsciiFrameSink {
        @Override
        public void asciiFrame(byte[] frame, int length) {
            out.accept(decoder.decode(frame, 0, length));
        }

        @Override
        public void accept(LogEntry entry) {
            switch (entry) {
                case LogEntry.Frame f -> out.accept(f.node() != null ? decoder.decode(f.node(), null) : decoder.decode(f.text()));
                case LogEntry.Meta m -> {
                    SessionMeta.register(m, decoder);
                    out.accept(m);
                }
                case LogEntry.Corrupt c -> out.accept(c);
            }
        }
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
