package dev.runlens.ui.replay;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.EntryKind;
import dev.runlens.replay.MalformedEntry;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.fx.ErrorEntry;
import dev.runlens.ui.fx.ErrorKind;
import dev.runlens.ui.fx.EventRow;
import dev.runlens.ui.fx.Feed;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What a long forward seek hands to the FX thread instead of every frame in between: the model at
 * the target (built by the worker's {@link ReplayEngine} from the entries' columns, no JSON), the
 * event rows of the skipped entries (linked to that model's executions; their summaries are read
 * back from the file when a row is shown), and the malformed and unreadable entries skipped.
 * Built on the replay worker; the FX thread restores it in one step.
 */
final class ForwardJump {
    /** A problem of the log at entry {@code index}, as the error panel lists it. */
    record Problem(int index, ErrorEntry entry) {
    }

    final RunModel state;
    final Map<RunRef, List<EventRow>> rows;
    final List<Problem> problems;

    private ForwardJump(RunModel state, Map<RunRef, List<EventRow>> rows, List<Problem> problems) {
        this.state = state;
        this.rows = rows;
        this.problems = problems;
    }

    /**
     * Moves {@code engine} from {@code from} to {@code target}. {@code metaLine} is called with
     * every session meta line skipped (the decoder learns stream subscriptions from them).
     */
    static ForwardJump build(ReplayIndex index, ReplayEngine engine, IndexedFrames frames, Feed feed, int from, int target,
                             IntConsumer metaLine) throws IOException {
        engine.seek(from);
        List<Pending> pending = new ArrayList<>();
        engine.advance(target, (i, e, change) -> pending.add(new Pending(i, e, change)));
        RunModel state = engine.model().copy();
        Map<RunRef, List<EventRow>> rows = new LinkedHashMap<>();
        Boxes boxes = new Boxes();
        for (Pending p : pending) {
            Run run = state.run(p.event.run());
            rows.computeIfAbsent(run.ref(), r -> new ArrayList<>()).add(row(index, frames, p, run, boxes));
        }
        List<Problem> problems = new ArrayList<>();
        for (MalformedEntry m : index.malformed()) {
            if (m.index() >= from && m.index() < target) {
                problems.add(problem(index, feed, m));
            }
        }
        for (int i = from; i < target; i++) {
            if (index.kind(i) == EntryKind.META) {
                metaLine.accept(i);
            }
        }
        return new ForwardJump(state, rows, problems);
    }

    private record Pending(int entry, RunEvent event, RunModel.Change change) {
    }

    /** The row the live pipeline would have made for this entry (see {@code DashboardModel}). */
    private static EventRow row(ReplayIndex index, IndexedFrames frames, Pending p, Run run, Boxes boxes) throws IOException {
        int i = p.entry;
        NodeRef node = p.event.node();
        Execution seen = p.change.execution();
        Integer times = seen != null ? boxes.of(seen.times()) : node == null ? null : node.times();
        Execution exec = seen == null ? null : run.execution(seen.node(), seen.times());
        return new EventRow(i, received(index, i), p.event.time(), kind(index, i, p.event), node == null ? null : node.node(),
                times, null, frames.ref(i), run.ref(), exec);
    }

    /** One boxed execution number per value, shared by the rows (loops run thousands of times). */
    private static final class Boxes {
        private Integer[] boxes = new Integer[256];

        Integer of(int times) {
            if (times < 0) {
                return times;
            }
            if (times >= boxes.length) {
                boxes = java.util.Arrays.copyOf(boxes, Math.max(times + 1, boxes.length * 2));
            }
            Integer b = boxes[times];
            if (b == null) {
                b = times;
                boxes[times] = b;
            }
            return b;
        }
    }

    private static Instant received(ReplayIndex index, int i) {
        Instant at = index.time(i);
        return at != null ? at : Instant.now();
    }

    /** The event's kind as its decoded frame says it; the stand-ins the engine applies share one for the kinds it ignores. */
    private static String kind(ReplayIndex index, int i, RunEvent stand) throws IOException {
        EntryKind kind = index.kind(i);
        if (kind == EntryKind.SIGNATURE_REQUEST) {
            return "SignatureRequest";
        }
        if (kind == EntryKind.API_INPUT) {
            return "ApiInput";
        }
        if (kind == EntryKind.UNKNOWN_EVENT) {
            ProtocolEvent e = index.frames().receivedFrame(i).event();
            return e instanceof RunEvent r ? r.kind() : stand.kind();
        }
        return stand.kind();
    }

    private static Problem problem(ReplayIndex index, Feed feed, MalformedEntry m) throws IOException {
        Instant at = received(index, m.index());
        if (index.kind(m.index()) == EntryKind.CORRUPT) {
            return new Problem(m.index(), new ErrorEntry(at, ErrorKind.UNREADABLE, feed, null, null, null, m.reason(), null));
        }
        ProtocolEvent e = index.frames().receivedFrame(m.index()).event();
        String message = e instanceof MalformedFrame f ? f.reason() + (f.preview().isEmpty() ? "" : ": " + f.preview()) : m.reason();
        return new Problem(m.index(), new ErrorEntry(at, ErrorKind.MALFORMED_FRAME, feed, null, null, null, message, null));
    }
}
