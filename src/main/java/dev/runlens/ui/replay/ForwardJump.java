package dev.runlens.ui.replay;

import dev.runlens.model.RunModel;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.EntryKind;
import dev.runlens.replay.MalformedEntry;
import dev.runlens.replay.MarkerKind;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.ui.dashboard.ErrorEntry;
import dev.runlens.ui.dashboard.ErrorKind;
import dev.runlens.ui.dashboard.Feed;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * What a long forward seek hands to the FX thread instead of every frame in between: the model at
 * the target (the worker's {@link ReplayEngine} moves there from the nearest state, from the
 * entries' columns, no JSON, and hands its model over) and the malformed and unreadable entries
 * skipped. The skipped entries' event rows need nothing: a replayed run's rows are a view over
 * the index, so the restore only sets how many there are. Built on the replay worker; the FX
 * thread restores it in one step.
 */
record ForwardJump(RunModel state, List<Problem> problems) {
    /** A problem of the log at entry {@code index}, as the error panel lists it. */
    record Problem(int index, ErrorEntry entry) {
    }

    /**
     * Moves {@code engine} to {@code target} and takes its model. {@code metaLine} is called with
     * every session meta line from {@code from} to {@code target} (the decoder learns stream
     * subscriptions from them).
     */
    static ForwardJump build(ReplayIndex index, ReplayEngine engine, Feed feed, int from, int target,
                             IntConsumer metaLine) throws IOException {
        engine.seek(target);
        RunModel state = engine.handOver();
        List<Problem> problems = new ArrayList<>();
        for (MalformedEntry m : index.malformed()) {
            if (m.index() >= from && m.index() < target) {
                problems.add(problem(index, feed, m));
            }
        }
        // Meta lines are the connection markers: found without walking the skipped entries.
        for (int i = index.nextMarker(MarkerKind.CONNECTION, from - 1); i >= 0 && i < target;
             i = index.nextMarker(MarkerKind.CONNECTION, i)) {
            if (index.kind(i) == EntryKind.META) {
                metaLine.accept(i);
            }
        }
        return new ForwardJump(state, problems);
    }

    private static Problem problem(ReplayIndex index, Feed feed, MalformedEntry m) throws IOException {
        Instant at = index.time(m.index()) != null ? index.time(m.index()) : Instant.now();
        if (index.kind(m.index()) == EntryKind.CORRUPT) {
            return new Problem(m.index(), ErrorEntry.ofFeed(at, ErrorKind.UNREADABLE, feed, m.reason()));
        }
        ProtocolEvent e = index.frames().receivedFrame(m.index()).event();
        if (e instanceof MalformedFrame f) {
            return new Problem(m.index(), ErrorEntry.malformed(at, feed, f));
        }
        // A run event listed here was applied without a field it could not read: it names its run.
        RunRef run = e instanceof RunEvent r ? r.run() : null;
        return new Problem(m.index(), new ErrorEntry(at, ErrorKind.MALFORMED_FRAME, feed, run, null, null, m.reason(), null));
    }
}
