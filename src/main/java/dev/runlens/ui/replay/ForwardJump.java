package dev.runlens.ui.replay;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.replay.EntryKind;
import dev.runlens.replay.MalformedEntry;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.fx.ErrorEntry;
import dev.runlens.ui.fx.ErrorKind;
import dev.runlens.ui.fx.RowBlock;
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
    final Map<RunRef, RowBlock> rows;
    final List<Problem> problems;

    private ForwardJump(RunModel state, Map<RunRef, RowBlock> rows, List<Problem> problems) {
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
        RunModel state;
        Map<RunRef, RowBlock> rows;
        if (hasLyzrRun(index)) {
            // A Lyzr event's execution depends on the state when it came (task ids, latest by
            // name): the rows are made while the engine applies every skipped entry.
            engine.seek(from);
            List<RowBlock> byPosition = new ArrayList<>();
            IOException[] failed = new IOException[1];
            engine.advance(target, (i, e, change) -> {
                Execution seen = change.execution();
                try {
                    add(block(byPosition, change.run().position(), frames), index, i, e, seen);
                } catch (IOException x) {
                    failed[0] = x;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            state = engine.model().copy();
            rows = byRun(state, byPosition);
        } else {
            // Space Operator: an event's execution is its (node, times), which the state at the
            // target holds too. The engine moves from whatever is nearest (a snapshot past
            // {@code from}, or where it is), and the skipped rows come from the index's columns.
            engine.seek(target);
            state = engine.model().copy();
            rows = byRun(state, rowsFromColumns(index, frames, state, from, target));
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

    private static boolean hasLyzrRun(ReplayIndex index) {
        for (RunRef r : index.runs()) {
            if (r.source() == Source.LYZR) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows of run events {@code from..target-1} as applying them would make them: a Space
     * Operator event touches the execution with its (node, times), unless its run had ended.
     */
    private static List<RowBlock> rowsFromColumns(ReplayIndex index, IndexedFrames frames, RunModel state, int from,
                                                  int target) throws IOException {
        List<RowBlock> byPosition = new ArrayList<>();
        // A Space Operator event's kind name depends on its entry kind only: learnt once per kind.
        String[] names = new String[EntryKind.values().length];
        Map<RunRef, Run> runs = new java.util.IdentityHashMap<>();
        Map<Run, Execution> recent = new java.util.IdentityHashMap<>();
        for (int i = from; i < target; i++) {
            EntryKind kind = index.kind(i);
            if (!kind.isRunEvent()) {
                continue;
            }
            if (index.heavy(i) || kind == EntryKind.UNKNOWN_EVENT) {
                // Payload, odd time or kind in the frame: read back and decoded, as applying does.
                RunEvent e = ReplayEngine.runEvent(index, i);
                Run run = state.run(e.run());
                NodeRef node = e.node();
                Execution seen = node == null || node.times() == null || index.afterRunEnded(i) ? null
                        : run.execution(node.node(), node.times());
                add(block(byPosition, run.position(), frames), index, i, e, seen);
                continue;
            }
            RunRef ref = index.run(i);
            Run run = runs.computeIfAbsent(ref, state::run);
            String node = index.node(i);
            int times = index.executionNumber(i);
            Execution seen = null;
            if (node != null && times != Integer.MIN_VALUE && !index.afterRunEnded(i)) {
                // An execution's events mostly come together: the last one found per run is checked first.
                Execution last = recent.get(run);
                seen = last != null && last.times() == times && last.node().equals(node) ? last : run.execution(node, times);
                recent.put(run, seen);
            }
            String name = names[kind.ordinal()];
            if (name == null) {
                name = kind(index, i, ReplayEngine.runEvent(index, i));
                names[kind.ordinal()] = name;
            }
            block(byPosition, run.position(), frames).add(i, index.textLength(i), received(index, i), index.serverNanos(i),
                    name, node, times == Integer.MIN_VALUE ? RowBlock.NO_TIMES : times, seen == null ? -1 : seen.index());
        }
        return byPosition;
    }

    /** The block of the run at {@code position} in the engine's model (a number that copy-on-write keeps). */
    private static RowBlock block(List<RowBlock> byPosition, int position, IndexedFrames frames) {
        while (byPosition.size() <= position) {
            byPosition.add(null);
        }
        RowBlock block = byPosition.get(position);
        if (block == null) {
            block = new RowBlock(frames);
            byPosition.set(position, block);
        }
        return block;
    }

    /** The row the live pipeline would have made for entry {@code i} (see {@code DashboardModel}). */
    private static void add(RowBlock block, ReplayIndex index, int i, RunEvent e, Execution seen) throws IOException {
        NodeRef node = e.node();
        int times = seen != null ? seen.times() : node == null || node.times() == null ? RowBlock.NO_TIMES : node.times();
        block.add(i, index.textLength(i), received(index, i), e.time(), kind(index, i, e),
                node == null ? null : node.node(), times, seen == null ? -1 : seen.index());
    }

    private static Map<RunRef, RowBlock> byRun(RunModel state, List<RowBlock> byPosition) {
        Map<RunRef, RowBlock> rows = new LinkedHashMap<>();
        for (Run run : state.runs()) {
            RowBlock block = run.position() < byPosition.size() ? byPosition.get(run.position()) : null;
            if (block != null) {
                rows.put(run.ref(), block);
            }
        }
        return rows;
    }

    /** The receive time the live pipeline gives the entry's row: the recorded time, or now when there is none. */
    private static long received(ReplayIndex index, int i) {
        long t = index.timeNanos(i);
        if (t != Long.MIN_VALUE) {
            return t;
        }
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static Instant receivedAt(ReplayIndex index, int i) {
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
        Instant at = receivedAt(index, m.index());
        if (index.kind(m.index()) == EntryKind.CORRUPT) {
            return new Problem(m.index(), new ErrorEntry(at, ErrorKind.UNREADABLE, feed, null, null, null, m.reason(), null));
        }
        ProtocolEvent e = index.frames().receivedFrame(m.index()).event();
        String message = e instanceof MalformedFrame f ? f.reason() + (f.preview().isEmpty() ? "" : ": " + f.preview()) : m.reason();
        return new Problem(m.index(), new ErrorEntry(at, ErrorKind.MALFORMED_FRAME, feed, null, null, null, message, null));
    }
}
