package dev.runlens.history;

import dev.runlens.log.LogEntry;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading one recording has built so far: the decoder and run model (as {@code summary}
 * builds them), each execution's and run's search text, where each first appears, and which
 * changed since the last commit. Kept between passes for a growing recording, so a live session
 * is indexed from where it stopped.
 */
final class RecordingState {
    final FrameDecoder decoder = new FrameDecoder();
    final RunModel model = new RunModel();
    /** Bytes read so far (up to the last whole line of a line form); entries and frames seen. */
    long offset;
    long entries;
    long frames;
    private final Map<Execution, Texted> executions = new IdentityHashMap<>();
    private final Map<Run, Texted> runs = new IdentityHashMap<>();
    private final Set<Run> dirtyRuns = new LinkedHashSet<>();
    private final Set<Execution> dirtyExecutions = new LinkedHashSet<>();
    /** Run events applied: the events/s of the benchmark. */
    long events;

    /** Search text and the entry where the thing first appeared. */
    static final class Texted {
        final SearchText text = new SearchText();
        final long entry;
        /** In the index since the recording was last read from its start: later writes update it. */
        boolean written;

        Texted(long entry) {
            this.entry = entry;
        }
    }

    /** Applies one entry of the recording, in file order. */
    void accept(LogEntry entry) {
        long at = entries++;
        switch (entry) {
            case LogEntry.Frame f -> {
                frames++;
                ProtocolEvent event = f.node() != null ? decoder.decode(f.node(), f.text()) : decoder.decode(f.text());
                if (event instanceof RunEvent e) {
                    apply(e, at);
                }
            }
            case LogEntry.Meta m -> {
                SessionMeta.apply(m, decoder, model);
                // Gaps, reconciliations and fetched outputs change runs without a frame: rare, so all of them.
                for (Run r : model.runs()) {
                    dirtyRuns.add(r);
                    dirtyExecutions.addAll(r.executions());
                }
            }
            case LogEntry.Corrupt c -> {
                // Damage is the replay's and summary's to report; the index keeps what can be read.
            }
        }
    }

    private void apply(RunEvent event, long at) {
        events++;
        RunModel.Change change = model.apply(event);
        Run run = change.run();
        Execution exec = change.execution();
        dirtyRuns.add(run);
        Texted runText = runs.computeIfAbsent(run, r -> new Texted(at));
        Texted target = runText;
        if (exec != null) {
            dirtyExecutions.add(exec);
            target = executions.computeIfAbsent(exec, e -> new Texted(at));
        }
        SearchText t = target.text;
        if (t.full()) {
            return;
        }
        switch (event) {
            case RunEvent.NodeStarted e -> t.add(e.input());
            case RunEvent.NodeOutput e -> t.add(e.output());
            case RunEvent.NodeFinished e -> t.add(e.output());
            case RunEvent.NodeError e -> {
                t.add(e.message());
                t.add(e.detail(), false);
            }
            case RunEvent.NodeLog e -> t.add(e.content());
            case RunEvent.FlowLog e -> t.add(e.content());
            case RunEvent.FlowError e -> t.add(e.message());
            case RunEvent.FlowFinished e -> t.add(e.output());
            case RunEvent.FlowStarted e -> t.add(e.message());
            case RunEvent.SignatureRequest e -> t.add(e.message());
            case RunEvent.ApiInput e -> {
            }
            case RunEvent.UnknownEvent e -> {
            }
        }
    }

    Texted textOf(Run run) {
        return runs.computeIfAbsent(run, r -> new Texted(0));
    }

    Texted textOf(Execution exec) {
        return executions.computeIfAbsent(exec, e -> new Texted(0));
    }

    /** Runs changed since the last call, each with its changed executions; then forgets them. */
    List<Run> takeDirtyRuns() {
        List<Run> out = new ArrayList<>(dirtyRuns);
        dirtyRuns.clear();
        return out;
    }

    boolean takeDirty(Execution e) {
        return dirtyExecutions.remove(e);
    }

    void clearDirty() {
        dirtyRuns.clear();
        dirtyExecutions.clear();
    }
}
