package dev.runlens.ui.replay;

import java.io.OutputStream;
import dev.runlens.log.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.export.ExecutionsCsv;
import dev.runlens.export.Redactor;
import dev.runlens.json.Json;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.Run;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.Source;
import dev.runlens.summary.FrameStats;
import dev.runlens.summary.SummaryJson;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.rows.EventRow;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the window saves: runs as a session log (from the frames the dashboard holds, so it works
 * for live and replayed runs alike), the {@code summary --json} object of runs, executions as CSV,
 * and the timeline as PNG. The file methods take plain data: call them off the FX thread, with
 * rows captured on it.
 */
public final class Exports {
    private Exports() {
    }

    /** A run's frames as captured on the FX thread: the run and its event rows. */
    public record RunFrames(Run run, List<EventRow> rows) {
        public static RunFrames of(DashboardModel model, Run run) {
            TrackedRun t = model.track(run.ref());
            return new RunFrames(run, t == null ? List.of() : List.copyOf(t.rows()));
        }
    }

    /**
     * Writes the runs' frames, in their order of arrival, as a session log that every reader of
     * Runlens opens. Space Operator v2 streams get a {@code subscribed} line first, so frames that
     * name only their stream still find their run. {@code redact} masks secret-looking values.
     */
    public static long saveSessionLog(List<RunFrames> runs, Path target, boolean redact) throws IOException {
        String protocol = runs.isEmpty() ? null : runs.get(0).run().ref().source().id();
        SessionHeader header = new SessionHeader(1, protocol, null, null, "runlens save");
        try (SessionLogWriter w = new SessionLogWriter(target, header)) {
            for (RunFrames rf : runs) {
                Set<Long> streams = new HashSet<>();
                for (EventRow row : rf.rows()) {
                    String text = SpillFile.load(row.frame());
                    Instant at = row.receivedAt();
                    if (rf.run().ref().source() == Source.SPACE_OPERATOR) {
                        Long stream = streamId(text);
                        if (stream != null && streams.add(stream)) {
                            w.writeMeta(at, SessionMeta.SUBSCRIBED, Map.of("stream_id", stream, "flow_run_id", rf.run().ref().runId()));
                        }
                    }
                    w.writeFrame(at, redact ? Redactor.redact(text) : text);
                }
            }
            return w.frames();
        }
    }

    private static Long streamId(String text) {
        try {
            JsonNode n = Json.parse(text).path("stream_id");
            return n.canConvertToLong() ? n.longValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code summary --json} object of these runs; its frame counts are the runs' own frames. */
    public static void saveSummary(List<RunFrames> runs, Path target) throws IOException {
        FrameStats stats = new FrameStats();
        FrameDecoder decoder = new FrameDecoder();
        for (RunFrames rf : runs) {
            for (EventRow row : rf.rows()) {
                stats.frame(decoder.decode(SpillFile.load(row.frame())));
            }
        }
        List<Run> list = runs.stream().map(RunFrames::run).toList();
        PrivateFiles.writeString(target, Json.pretty(SummaryJson.of(list, stats)) + "\n");
    }

    /** The runs' executions as one CSV table. */
    public static void saveExecutionsCsv(List<Run> runs, Path target) throws IOException {
        try (Writer w = PrivateFiles.newWriter(target)) {
            ExecutionsCsv.writeAll(runs, w);
        }
    }

    /** An image (a snapshot of the timeline canvas, taken on the FX thread) as PNG. */
    public static void savePng(WritableImage image, Path target) throws IOException {
        boolean written;
        try (OutputStream out = PrivateFiles.newOutputStream(target)) {
            written = ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        }
        if (!written) {
            throw new IOException("no PNG writer available");
        }
    }
}
