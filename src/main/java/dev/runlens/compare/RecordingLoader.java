package dev.runlens.compare;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a run back from a recording (any log form) through the project's reader, decoder and run
 * model. Only the wanted run's payloads are kept, so a recording of many runs costs one run's
 * payloads in the heap.
 */
public final class RecordingLoader {
    private RecordingLoader() {
    }

    /** Every run of the recording, without payloads. */
    public static List<Run> runs(Path recording) throws IOException {
        return read(recording, null, null).runs();
    }

    /** The run {@code ref} of the recording with its payloads, or empty when the recording does not hold it. */
    public static Optional<LoadedRun> load(Path recording, RunRef ref) throws IOException {
        RunPayloads payloads = new RunPayloads();
        RunModel model = read(recording, ref, payloads);
        Run run = model.run(ref);
        return run == null ? Optional.empty() : Optional.of(new LoadedRun(recording, run, payloads));
    }

    private static RunModel read(Path recording, RunRef wanted, RunPayloads payloads) throws IOException {
        LogReader reader = LogReader.open(recording);
        FrameDecoder decoder = new FrameDecoder();
        RunModel model = new RunModel();
        reader.read(entry -> {
            if (entry instanceof LogEntry.Frame f) {
                ProtocolEvent event = f.node() != null ? decoder.decode(f.node(), f.text()) : decoder.decode(f.text());
                if (event instanceof RunEvent e) {
                    RunModel.Change change = model.apply(e);
                    if (payloads != null && e.run().equals(wanted)) {
                        payloads.accept(e, change.execution());
                    }
                }
            } else if (entry instanceof LogEntry.Meta m) {
                SessionMeta.apply(m, decoder, model);
            }
        });
        return model;
    }
}
