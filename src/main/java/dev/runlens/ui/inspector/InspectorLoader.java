package dev.runlens.ui.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.inspector.InspectorItems.ErrorItem;
import dev.runlens.ui.inspector.InspectorItems.LogItem;
import dev.runlens.ui.inspector.InspectorItems.PayloadDoc;
import dev.runlens.ui.inspector.InspectorItems.RawItem;
import dev.runlens.ui.rows.EventRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and decodes the frames of one execution (or of the run itself) into what the inspector
 * shows. Runs off the FX thread; frames over {@link #SIZE_LIMIT} chars are not read until asked.
 */
public final class InspectorLoader {
    /** Payloads above this are shown as their size first. */
    public static final int SIZE_LIMIT = 1_000_000;

    /** Everything one selection shows. Outputs are latest first. */
    public record Content(PayloadDoc input, List<PayloadDoc> outputs, List<ErrorItem> errors, List<LogItem> logs,
                          List<RawItem> raw, List<String> problems) {
    }

    private InspectorLoader() {
    }

    /** The label of a run output that no event carried: it was fetched over HTTP. */
    public static final String FETCHED_OUTPUT = "run output (fetched over HTTP)";

    /**
     * {@code content} with the run's output {@code runOutput} (plain JSON, or null) listed first
     * when no event of the run carried one: Space Operator's {@code /flow/output} answer or Lyzr's
     * task-status results, which the session log keeps as meta lines.
     */
    public static Content withRunOutput(Content content, JsonNode runOutput) {
        if (runOutput == null || content.outputs().stream().anyMatch(d -> d.label().equals("run output"))) {
            return content;
        }
        String text = Json.compact(runOutput);
        List<PayloadDoc> outputs = new ArrayList<>(content.outputs().size() + 1);
        outputs.add(new PayloadDoc(FETCHED_OUTPUT, null, dev.runlens.protocol.Payload.plain(runOutput),
                new dev.runlens.ui.rows.FrameRef.Inline(text), text.length(), false));
        outputs.addAll(content.outputs());
        return new Content(content.input(), outputs, content.errors(), content.logs(), content.raw(), content.problems());
    }

    public static Content load(RunRef run, List<EventRow> rows) {
        PayloadDoc input = null;
        List<PayloadDoc> outputs = new ArrayList<>();
        List<ErrorItem> errors = new ArrayList<>();
        List<LogItem> logs = new ArrayList<>();
        List<RawItem> raw = new ArrayList<>(rows.size());
        List<String> problems = new ArrayList<>();
        int outputNo = 0;
        for (EventRow row : rows) {
            int size = row.frame().length();
            if (size > SIZE_LIMIT) {
                raw.add(new RawItem(row.sequence(), row.receivedAt(), row.kind(), row.frame(), null));
                PayloadDoc doc = new PayloadDoc(label(row.kind(), ++outputNo), row.time(), null, row.frame(), size, true);
                if (isInput(row.kind())) {
                    input = doc;
                } else if (isOutput(row.kind())) {
                    outputs.add(doc);
                } else {
                    outputNo--;
                }
                continue;
            }
            String text;
            try {
                text = SpillFile.load(row.frame());
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
                continue;
            }
            raw.add(new RawItem(row.sequence(), row.receivedAt(), row.kind(), row.frame(), text));
            switch (decode(text, run)) {
                case RunEvent.NodeStarted e -> input = new PayloadDoc("input", e.time(), e.input(), row.frame(), size, false);
                case RunEvent.NodeOutput e -> outputs.add(new PayloadDoc(label(row.kind(), ++outputNo), e.time(), e.output(), row.frame(), size, false));
                case RunEvent.NodeFinished e when e.output() != null ->
                        outputs.add(new PayloadDoc(label(row.kind(), ++outputNo), e.time(), e.output(), row.frame(), size, false));
                case RunEvent.FlowFinished e when e.output() != null ->
                        outputs.add(new PayloadDoc("run output", e.time(), e.output(), row.frame(), size, false));
                case RunEvent.NodeError e -> errors.add(new ErrorItem(e.time(), e.message(), e.detail()));
                case RunEvent.FlowError e -> errors.add(new ErrorItem(e.time(), e.message(), null));
                case RunEvent.NodeLog e -> logs.add(new LogItem(e.time(), e.level(), e.module(), e.content()));
                case RunEvent.FlowLog e -> logs.add(new LogItem(e.time(), e.level(), e.module(), e.content()));
                case RunEvent.FlowStarted e when e.message() != null -> logs.add(new LogItem(e.time(), "Info", null, e.message()));
                case RunEvent.SignatureRequest e -> logs.add(new LogItem(e.time(), "Info", "signature", "signature requested from " + e.pubkey()));
                case RunEvent.ApiInput e -> logs.add(new LogItem(e.time(), "Info", "api input", "waiting for a value at " + e.url()));
                default -> { }
            }
        }
        Collections.reverse(outputs);
        if (!outputs.isEmpty() && !outputs.get(0).label().equals("run output")) {
            PayloadDoc latest = outputs.get(0);
            outputs.set(0, new PayloadDoc(latest.label() + " (latest)", latest.time(), latest.payload(), latest.ref(),
                    latest.size(), latest.tooBig()));
        }
        return new Content(input, outputs, errors, logs, raw, problems);
    }

    /** Loads a payload that was over the size limit; off the FX thread. */
    public static PayloadDoc loadAnyway(RunRef run, PayloadDoc doc) {
        return switch (decode(SpillFile.load(doc.ref()), run)) {
            case RunEvent.NodeStarted e -> doc.loaded(e.input());
            case RunEvent.NodeOutput e -> doc.loaded(e.output());
            case RunEvent.NodeFinished e -> doc.loaded(e.output());
            case RunEvent.FlowFinished e -> doc.loaded(e.output());
            default -> doc;
        };
    }

    /** Decodes one stored frame on its own: a v2 frame (which names its stream only) is the given run's. */
    public static ProtocolEvent decode(String text, RunRef run) {
        FrameDecoder decoder = new FrameDecoder();
        try {
            JsonNode node = Json.parse(text);
            if (node != null && node.path("stream_id").canConvertToLong()) {
                decoder.registerStream(node.get("stream_id").longValue(), run.runId());
            }
            return node == null ? decoder.decode(text) : decoder.decode(node, text);
        } catch (IOException | RuntimeException e) {
            return decoder.decode(text);
        }
    }

    private static boolean isInput(String kind) {
        return "NodeStart".equals(kind) || "task_started".equals(kind);
    }

    private static boolean isOutput(String kind) {
        return "NodeOutput".equals(kind) || "task_completed".equals(kind) || "FlowFinish".equals(kind)
                || "flow_completed".equals(kind);
    }

    private static String label(String kind, int n) {
        return ("task_completed".equals(kind) ? "final output" : "output") + " " + n;
    }
}
