package dev.runlens.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.runlens.protocol.NodeRef;
import dev.runlens.protocol.Payload;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class ModelImageTest {
    private static final RunRef SO = new RunRef(Source.SPACE_OPERATOR, "so");
    private static final RunRef LYZR = new RunRef(Source.LYZR, "lyzr");
    private static final RunRef ENDED = new RunRef(Source.SPACE_OPERATOR, "ended");
    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    /** Everything a model holds, execution by execution, as text. */
    static String describe(RunModel m) {
        StringBuilder b = new StringBuilder("applied " + m.applied() + "\n");
        for (Run r : m.runs()) {
            b.append(r.ref()).append(' ').append(r.status()).append(' ').append(r.startedAt()).append(' ').append(r.finishedAt())
                    .append(' ').append(r.terminal()).append(' ').append(r.events()).append(' ').append(r.finishedExecutions())
                    .append(' ').append(r.failedExecutions()).append(' ').append(r.lastEventTime()).append(' ').append(r.nodes())
                    .append(' ').append(r.notRun()).append(' ').append(r.errors()).append(' ').append(r.gaps()).append(' ')
                    .append(r.reconciled()).append(' ').append(r.output()).append('\n');
            for (Execution e : r.executions()) {
                b.append("  ").append(e.index()).append(' ').append(e.node()).append('#').append(e.times()).append(' ')
                        .append(e.status()).append(' ').append(e.startedAt()).append(' ').append(e.finishedAt()).append(' ')
                        .append(e.finished()).append(' ').append(e.outputs()).append(' ').append(e.errors()).append('\n');
                assertSame(e, r.execution(e.node(), e.times()), "found by key");
            }
        }
        return b.toString();
    }

    private static List<RunEvent> before() {
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.FlowStarted(ENDED, T, null));
        events.add(new RunEvent.NodeStarted(ENDED, T, NodeRef.spaceOperator("x", 0), null));
        events.add(new RunEvent.FlowFinished(ENDED, T.plusSeconds(3), List.of("y"),
                new Payload(JsonNodeFactory.instance.objectNode().put("out", 1), false)));
        events.add(new RunEvent.FlowStarted(SO, T, null));
        for (int t : new int[] {0, 1, 2, -1, 5_000_000}) {
            NodeRef n = NodeRef.spaceOperator("loop", t);
            events.add(new RunEvent.NodeStarted(SO, T.plusMillis(t & 0xff), n, null));
            events.add(new RunEvent.NodeOutput(SO, T.plusMillis(1), n, null));
            if (t == 1) {
                events.add(new RunEvent.NodeError(SO, T.plusMillis(2), n, "boom", false, null));
                events.add(new RunEvent.NodeError(SO, T.plusMillis(2), n, "again", true, null));
            } else if (t != 2) {
                events.add(new RunEvent.NodeFinished(SO, T.plusMillis(3), n, null, null));
            }
        }
        events.add(new RunEvent.FlowError(SO, T.plusMillis(4), "flow trouble", false));
        events.add(new RunEvent.FlowStarted(LYZR, T, null));
        events.add(new RunEvent.NodeStarted(LYZR, T, NodeRef.lyzr("fetch", "t1"), null));
        events.add(new RunEvent.NodeFinished(LYZR, T.plusSeconds(1), NodeRef.lyzr("fetch", "t1"), null, null));
        events.add(new RunEvent.NodeStarted(LYZR, T.plusSeconds(2), NodeRef.lyzr("fetch", "t2"), null));
        events.add(new RunEvent.NodeStarted(LYZR, T.plusSeconds(2), NodeRef.lyzr("answer", "t3"), null));
        return events;
    }

    /** Events after the image: each needs the maps an image must restore (task ids, latest by name, starts by name). */
    private static List<RunEvent> after() {
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.NodeFinished(LYZR, T.plusSeconds(3), NodeRef.lyzr("fetch", "t2"), null, null));
        events.add(new RunEvent.NodeLog(LYZR, T.plusSeconds(3), NodeRef.lyzr("answer", null), "info", null, "x"));
        events.add(new RunEvent.NodeStarted(LYZR, T.plusSeconds(4), NodeRef.lyzr("fetch", "t4"), null));
        events.add(new RunEvent.NodeError(SO, T.plusMillis(9), NodeRef.spaceOperator("loop", 2), "late", true, null));
        events.add(new RunEvent.NodeStarted(SO, T.plusMillis(9), NodeRef.spaceOperator("loop", 3), null));
        events.add(new RunEvent.NodeOutput(ENDED, T.plusSeconds(5), NodeRef.spaceOperator("x", 0), null));
        events.add(new RunEvent.FlowFinished(SO, T.plusSeconds(9), List.of(), null));
        return events;
    }

    @Test
    void applyingWithoutAChangeGivesTheSameModel() {
        RunModel told = new RunModel();
        RunModel quiet = new RunModel();
        for (RunEvent e : before()) {
            told.apply(e);
            quiet.applyOnly(e);
        }
        for (RunEvent e : after()) {
            told.apply(e);
            quiet.applyOnly(e);
        }
        assertEquals(describe(told), describe(quiet));
    }

    @Test
    void aRestoredModelEqualsTheImagedOneAndGoesOnTheSame() {
        RunModel live = new RunModel();
        before().forEach(live::apply);
        live.markGap(SO, new Gap(T, T.plusSeconds(1), "reconnect"));
        live.reconcile(LYZR, "answer", T.plusSeconds(2));
        String then = describe(live);

        ModelImage image = ModelImage.of(live);
        RunModel restored = image.restore();
        assertEquals(then, describe(restored));
        assertSame(live.run(ENDED), restored.run(ENDED), "an ended run is shared");
        assertNotSame(live.run(SO), restored.run(SO), "a run still going is made afresh");
        assertEquals(List.of(live.run(ENDED)), image.sharedRuns());

        after().forEach(live::apply);
        // Replay re-applies entries without asking what changed: the same state either way.
        after().forEach(restored::applyOnly);
        assertEquals(describe(live), describe(restored), "the same events give the same state");
        assertEquals(then, describe(image.restore()), "the image did not change");
        assertNotSame(live.run(ENDED), restored.run(ENDED), "a shared run is copied by whichever side changes it");
    }
}
