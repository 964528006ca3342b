package dev.runlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.runlens.json.Json;
import dev.runlens.log.SessionLineParser;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.Payload;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;

import java.io.IOException;
import java.time.Instant;

/**
 * Applies indexed entries to a model without parsing JSON: each run event is rebuilt from its
 * columns as a stand-in carrying exactly what {@link RunModel} reads (run, time, node, times,
 * task id, error message, whether it ends the run or execution, whether a finish carried output).
 * Payloads are left out since the model keeps none. The few entries whose effect needs their
 * payload (FlowFinish: not_run and output; Lyzr task_failed; gap meta lines; times out of range)
 * are flagged heavy and re-read from the file and decoded again.
 */
final class EntryReplayer {
    private static final Payload SOME_OUTPUT = new Payload(NullNode.getInstance(), false);

    private EntryReplayer() {
    }

    /** Applies entries {@code from..to-1} to {@code model}. */
    static void apply(ReplayIndex index, RunModel model, int from, int to) throws IOException {
        if (to > index.table.size()) {
            throw new IndexOutOfBoundsException("position " + to + " of " + index.table.size());
        }
        // One view of the columns for the whole range: entries below size() never change.
        EntryTable.Chunks ch = index.table.view();
        NodeRefs refs = new NodeRefs();
        for (int i = from; i < to; i++) {
            int c = i >>> EntryTable.SHIFT;
            int k = i & EntryTable.MASK;
            EntryKind kind = EntryKind.of(ch.kind[c][k]);
            if (kind != EntryKind.META && !kind.isRunEvent()) {
                continue;
            }
            if ((ch.flags[c][k] & EntryTable.HEAVY) != 0) {
                heavy(index, model, i, kind);
            } else if (kind.isRunEvent()) {
                model.applyOnly(synthetic(index, ch, i, refs));
            }
        }
    }

    /**
     * The last node reference made for each run while a range is applied: a seek re-applies up to a
     * snapshot interval of entries, and the events of one execution mostly follow each other in
     * their run (start, logs, outputs, finish), so most of them share one instead of each making a
     * {@code NodeRef} and a boxed {@code times} (records: sharing them changes nothing).
     */
    private static final class NodeRefs {
        private NodeRef[] ref = new NodeRef[16];
        private int[] key = new int[16 * 3];

        NodeRef get(ReplayIndex index, int run, int node, int times, boolean timesNull, int task) {
            if (run < 0) {
                return make(index, node, times, timesNull, task);
            }
            if (run >= ref.length) {
                ref = java.util.Arrays.copyOf(ref, Math.max(run + 1, ref.length * 2));
                key = java.util.Arrays.copyOf(key, ref.length * 3);
            }
            int t = timesNull ? 0 : times;
            // The task's string id, and whether times is null, in one int (ids are far below 2^30).
            int rest = task * 2 + (timesNull ? 1 : 0);
            NodeRef r = ref[run];
            int k = run * 3;
            if (r != null && key[k] == node && key[k + 1] == t && key[k + 2] == rest) {
                return r;
            }
            r = make(index, node, times, timesNull, task);
            ref[run] = r;
            key[k] = node;
            key[k + 1] = t;
            key[k + 2] = rest;
            return r;
        }

        static NodeRef make(ReplayIndex index, int node, int times, boolean timesNull, int task) {
            return new NodeRef(index.strings.get(node), timesNull ? null : times, index.strings.get(task));
        }
    }

    private static RunEvent synthetic(ReplayIndex index, EntryTable.Chunks ch, int i, NodeRefs refs) {
        int c = i >>> EntryTable.SHIFT;
        int k = i & EntryTable.MASK;
        int flags = ch.flags[c][k];
        RunRef run = index.runs.at(ch.run[c][k]);
        Instant time = Times.instant(ch.server[c][k]);
        EntryKind kind = EntryKind.of(ch.kind[c][k]);
        NodeRef node = null;
        if (kind.isNodeEvent()) {
            boolean timesNull = (flags & EntryTable.TIMES_NULL) != 0;
            int task = kind == EntryKind.NODE_ERROR ? StringTable.NONE : ch.aux[c][k];
            node = refs.get(index, ch.run[c][k], ch.node[c][k], ch.times[c][k], timesNull, task);
        }
        int aux = ch.aux[c][k];
        boolean ends = (flags & EntryTable.ENDS) != 0;
        return switch (kind) {
            case FLOW_STARTED -> new RunEvent.FlowStarted(run, time, null);
            case FLOW_ERROR -> new RunEvent.FlowError(run, time, index.strings.get(aux), ends);
            case NODE_STARTED -> new RunEvent.NodeStarted(run, time, node, null);
            case NODE_OUTPUT -> new RunEvent.NodeOutput(run, time, node, null);
            case NODE_ERROR -> new RunEvent.NodeError(run, time, node, index.strings.get(aux), ends, null);
            case NODE_LOG -> new RunEvent.NodeLog(run, time, node, null, null, null);
            case NODE_FINISHED -> new RunEvent.NodeFinished(run, time, node, (flags & EntryTable.HAS_OUTPUT) != 0 ? SOME_OUTPUT : null, null);
            case FLOW_FINISHED -> throw new IllegalStateException("FlowFinish entries are heavy");
            // FlowLog, SignatureRequest, ApiInput, unknown kinds: counted, no other effect.
            default -> new RunEvent.FlowLog(run, time, null, null, null);
        };
    }

    private static void heavy(ReplayIndex index, RunModel model, int i, EntryKind kind) throws IOException {
        String text = index.frames().text(i);
        if (kind == EntryKind.META) {
            SessionMeta.apply(SessionLineParser.meta(text), new FrameDecoder(), model);
            return;
        }
        ProtocolEvent event = decode(index, i, text);
        if (!(event instanceof RunEvent e)) {
            throw new IOException("entry " + i + " no longer decodes to a run event (was the file changed?)");
        }
        model.applyOnly(e);
    }

    /**
     * Decodes entry {@code i}'s frame text again as it was decoded while indexing: a fresh decoder
     * that knows the frame's v2 stream belongs to the run the index recorded for it.
     */
    static ProtocolEvent decode(ReplayIndex index, int i, String text) {
        FrameDecoder decoder = new FrameDecoder();
        JsonNode tree;
        try {
            tree = text == null || text.isBlank() ? null : Json.parse(text);
        } catch (IOException | RuntimeException e) {
            tree = null;
        }
        if (tree == null) {
            return decoder.decode(text);
        }
        Long stream = v2Stream(tree);
        RunRef run = index.run(i);
        if (stream != null && run != null) {
            decoder.registerStream(stream, run.runId());
        }
        return decoder.decode(tree, text);
    }

    /** The stream id when the decoder would treat the frame as Space Operator v2, else null. */
    private static Long v2Stream(JsonNode tree) {
        if (!tree.isObject() || tree.has("event_type")) {
            return null;
        }
        JsonNode stream = tree.get("stream_id");
        JsonNode event = tree.get("event");
        if (stream == null || event == null || !event.isTextual() || !stream.canConvertToLong()) {
            return null;
        }
        return stream.longValue();
    }
}
