package dev.runlens.replay;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogFormat;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexing thread's work: reads the log, decodes each frame once, appends its columns to the
 * index, applies it to a working model and takes snapshots of that model as it goes.
 */
final class Indexer {
    private final ReplayIndex index;
    /** Decodes the frames of the pretty, array and HAR forms (LinePipeline decodes session logs and JSON Lines). */
    private final FrameDecoder decoder = new FrameDecoder();
    private final Map<RunRef, Integer> runIds = new HashMap<>();
    private final RunModel model = new RunModel();
    private final Snapshots snapshots;
    private int frames;
    private long lastProgress;

    Indexer(ReplayIndex index, Snapshots snapshots) {
        this.index = index;
        this.snapshots = snapshots;
    }

    void run() throws IOException {
        LogFormat format = index.format();
        if (format == LogFormat.SESSION || format == LogFormat.JSON_LINES) {
            readLines(format == LogFormat.SESSION);
        } else {
            index.reader().read(e -> {
                try {
                    if (e instanceof LogEntry.Corrupt c) {
                        corrupt(c, -1, -1);
                    } else if (e instanceof LogEntry.Frame f) {
                        frame(f, false, f.node() != null ? decoder.decode(f.node(), null) : decoder.decode(f.text()));
                    }
                } catch (IOException ex) {
                    throw new SpoolFailure(ex);
                }
                maybeProgress();
            });
        }
    }

    /** Session logs and JSON Lines, read here rather than by LogReader: faster, with byte progress. */
    private void readLines(boolean session) throws IOException {
        try (LinePipeline pipeline = new LinePipeline(index.file(), index.gzip(), session)) {
            index.bytesRead = pipeline::bytesRead;
            List<LinePipeline.Item> batch;
            while (!(batch = pipeline.next()).isEmpty()) {
                for (LinePipeline.Item item : batch) {
                    LogEntry e = item.entry();
                    if (e instanceof LogEntry.Frame f) {
                        frame(f, session, item.event());
                    } else if (e instanceof LogEntry.Meta m) {
                        meta(m, item.offset(), item.length(), item.line());
                    } else if (e instanceof LogEntry.Corrupt c) {
                        corrupt(c, item.offset(), item.length());
                    }
                }
                maybeProgress();
            }
        }
    }

    private void maybeProgress() {
        long now = System.nanoTime();
        if (now - lastProgress > 50_000_000L) {
            lastProgress = now;
            index.fireProgress();
        }
    }

    private void frame(LogEntry.Frame f, boolean sessionLine, ProtocolEvent event) throws IOException {
        int sequence = frames++;
        long received = Times.nanos(f.receivedAt());
        long offset = f.offset();
        int length = f.length();
        int flags = 0;
        if (offset < 0) {
            offset = index.spool().append(f.text());
            length = index.spool().lastLength();
            flags |= EntryTable.SPOOLED;
        } else if (sessionLine) {
            flags |= EntryTable.SESSION_LINE;
        }
        if (event instanceof RunEvent e) {
            runEvent(e, flags, received, offset, length, sequence);
        } else {
            EntryKind kind = event instanceof MalformedFrame ? EntryKind.MALFORMED : EntryKind.CONTROL;
            append(kind, flags, received, EntryTable.NO_TIME, offset, length, sequence, -1, StringTable.NONE, 0, StringTable.NONE, null);
            if (event instanceof MalformedFrame m) {
                index.markers.malformed(new MalformedEntry(index.table.size() - 1, "frame " + (sequence + 1) + ": " + m.reason()));
            }
        }
    }

    private void runEvent(RunEvent e, int flags, long received, long offset, int length, int sequence) {
        EntryKind kind = kindOf(e);
        long server = Times.nanos(e.time());
        if (server == EntryTable.NO_TIME && e.time() != null) {
            flags |= EntryTable.HEAVY;
            index.oddTime(index.table.size(), e.time());
        }
        NodeRef ref = e.node();
        int node = ref == null ? StringTable.NONE : index.strings.id(ref.node());
        int times = ref == null || ref.times() == null ? 0 : ref.times();
        if (ref != null && ref.times() == null) {
            flags |= EntryTable.TIMES_NULL;
        }
        int aux = ref == null ? StringTable.NONE : index.strings.id(ref.taskId());
        if (e instanceof RunEvent.FlowFinished) {
            flags |= EntryTable.HEAVY;
        } else if (e instanceof RunEvent.FlowError fe) {
            aux = index.strings.id(fe.message());
            flags |= fe.endsRun() ? EntryTable.ENDS : 0;
        } else if (e instanceof RunEvent.NodeError ne) {
            if (ne.node().taskId() != null) {
                flags |= EntryTable.HEAVY;
            } else {
                aux = index.strings.id(ne.message());
            }
            flags |= ne.endsExecution() ? EntryTable.ENDS : 0;
        } else if (e instanceof RunEvent.NodeFinished nf) {
            flags |= nf.output() != null ? EntryTable.HAS_OUTPUT : 0;
            // The server's execution_time is the duration shown: a seek re-reads the frame for it.
            flags |= nf.executionSeconds() != null ? EntryTable.HEAVY : 0;
        }
        if (kind == EntryKind.UNKNOWN_EVENT) {
            // Its kind name is the frame's own: kept for the event log's rows.
            aux = index.strings.id(e.kind());
        }
        append(kind, flags, received, server, offset, length, sequence, runId(e.run()), node, times, aux, e);
        if (e.problem() != null) {
            // Applied without the field it could not read; listed with the damage so seeks restore it.
            index.markers.malformed(new MalformedEntry(index.table.size() - 1, e.problem()));
        }
    }

    private void meta(LogEntry.Meta m, long offset, int length, String line) throws IOException {
        int flags = 0;
        if (offset < 0) {
            offset = index.spool().append(line != null ? line : m.fields().toString());
            length = index.spool().lastLength();
            flags |= EntryTable.SPOOLED;
        }
        // Gaps, reconciliations and what was learnt over HTTP change the model: a seek must re-read them.
        boolean ends = SessionMeta.RECONCILED.equals(m.kind()) || SessionMeta.QUIET_END.equals(m.kind());
        boolean changesModel = ends || SessionMeta.GAP.equals(m.kind()) || SessionMeta.FINAL_OUTPUT.equals(m.kind());
        SessionMeta.applyToModel(m, model);  // LinePipeline's decoder has registered a subscribed stream
        int i = index.table.size();
        if (ends) {
            // A task-status answer (Lyzr) or a quiet run found over (Space Operator) may end a run: it ended with this line.
            for (dev.runlens.model.Run r : model.runs()) {
                if (r.terminal()) {
                    index.runs.ended(runId(r.ref()), i);
                }
            }
        }
        index.table.append(EntryKind.META, flags | (changesModel ? EntryTable.HEAVY : 0), Times.nanos(m.at()), EntryTable.NO_TIME,
                offset, length, -1, -1, StringTable.NONE, 0, index.strings.id(m.kind()));
        index.markers.list(MarkerKind.CONNECTION).add(i);
        snapshots.afterAppend(index.table.size(), model);
    }

    private void corrupt(LogEntry.Corrupt c, long offset, int length) throws IOException {
        int flags = 0;
        if (offset < 0) {
            offset = index.spool().append(c.preview());
            length = index.spool().lastLength();
            flags |= EntryTable.SPOOLED;
        }
        int i = index.table.size();
        index.table.append(EntryKind.CORRUPT, flags, EntryTable.NO_TIME, EntryTable.NO_TIME, offset, length, -1, -1,
                StringTable.NONE, 0, StringTable.NONE);
        index.markers.list(MarkerKind.MALFORMED).add(i);
        index.markers.malformed(new MalformedEntry(i, c.reason()));
        snapshots.afterAppend(index.table.size(), model);
    }

    /** Appends one entry; {@code event} is its decoded run event (null for frames that are not one). */
    private void append(EntryKind kind, int flags, long received, long server, long offset, int length, int sequence,
                        int run, int node, int times, int aux, RunEvent event) {
        int i = index.table.size();
        index.table.write(kind, flags, received, server, offset, length, sequence, run, node, times, aux);
        if (kind.isRunEvent()) {
            RunModel.Change c = model.apply(event);
            if (c.run().terminal()) {
                index.runs.ended(run, i);
            }
            // The run's event log learns the entry before readers can see it (see RunEntries).
            RunRef ref = index.runs.at(run);
            String name = kind == EntryKind.UNKNOWN_EVENT ? index.strings.get(aux) : EntryNames.kind(kind, ref.source());
            index.runs.entriesOf(run).add(i, c.execution() == null ? -1 : c.execution().index(), name,
                    kind.isNodeEvent() ? index.strings.get(node) : null);
        }
        index.table.publish();
        if (kind.isError()) {
            index.markers.list(MarkerKind.ERROR).add(i);
        } else if (kind == EntryKind.NODE_STARTED) {
            index.markers.list(MarkerKind.NODE_START).add(i);
        } else if (kind == EntryKind.MALFORMED) {
            index.markers.list(MarkerKind.MALFORMED).add(i);
        }
        snapshots.afterAppend(i + 1, model);
    }

    private int runId(RunRef ref) {
        Integer id = runIds.get(ref);
        if (id == null) {
            id = index.runs.add(ref);
            runIds.put(ref, id);
        }
        return id;
    }

    /** An I/O failure of the spool inside LogReader's callback. */
    static final class SpoolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SpoolFailure(IOException cause) {
            super(cause);
        }
    }

    /** Run-event classes to kinds. */
    private static EntryKind kindOf(RunEvent e) {
        return switch (e) {
            case RunEvent.FlowStarted x -> EntryKind.FLOW_STARTED;
            case RunEvent.FlowLog x -> EntryKind.FLOW_LOG;
            case RunEvent.FlowError x -> EntryKind.FLOW_ERROR;
            case RunEvent.FlowFinished x -> EntryKind.FLOW_FINISHED;
            case RunEvent.NodeStarted x -> EntryKind.NODE_STARTED;
            case RunEvent.NodeOutput x -> EntryKind.NODE_OUTPUT;
            case RunEvent.NodeError x -> EntryKind.NODE_ERROR;
            case RunEvent.NodeLog x -> EntryKind.NODE_LOG;
            case RunEvent.NodeFinished x -> EntryKind.NODE_FINISHED;
            case RunEvent.SignatureRequest x -> EntryKind.SIGNATURE_REQUEST;
            case RunEvent.ApiInput x -> EntryKind.API_INPUT;
            case RunEvent.UnknownEvent x -> EntryKind.UNKNOWN_EVENT;
        };
    }
}
