package dev.runlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.summary.FrameStats;
import dev.runlens.summary.SummaryJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference: models rebuilt from scratch by the ordinary pipeline (LogReader, FrameDecoder,
 * SessionMeta, RunModel), one pass, with the summary JSON taken at the requested positions.
 */
final class ScratchModels {
    private ScratchModels() {
    }

    /** Summary JSON (runs part) of the model after entries 0..p-1, for each requested p. */
    static Map<Integer, JsonNode> at(Path file, TreeSet<Integer> positions) throws IOException {
        Map<Integer, JsonNode> out = new TreeMap<>();
        RunModel model = new RunModel();
        FrameDecoder decoder = new FrameDecoder();
        int[] position = {0};
        if (positions.contains(0)) {
            out.put(0, summary(model));
        }
        LogReader.open(file).read(entry -> {
            if (entry instanceof LogEntry.Frame f) {
                ProtocolEvent e = decoder.decode(f.text());
                if (e instanceof RunEvent r) {
                    model.apply(r);
                }
            } else if (entry instanceof LogEntry.Meta m) {
                SessionMeta.apply(m, decoder, model);
            }
            position[0]++;
            if (positions.contains(position[0])) {
                out.put(position[0], summary(model));
            }
        });
        return out;
    }

    /** Every entry LogReader produces, in order. */
    static List<LogEntry> entries(Path file) throws IOException {
        List<LogEntry> list = new ArrayList<>();
        LogReader.open(file).read(list::add);
        return list;
    }

    static JsonNode summary(RunModel model) {
        return SummaryJson.of(model.runs(), new FrameStats()).put("applied", model.applied());
    }
}
