package dev.runlens.model;

import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunModelTest {
    private static final String RUN = "r-1";
    private final FrameDecoder decoder = new FrameDecoder();
    private final RunModel model = new RunModel();
    private int second;

    private String t() {
        return "2025-01-01T00:00:" + String.format("%02d", second++) + "Z";
    }

    private void so(String kind, String fields) {
        String data = (fields.isEmpty() ? "" : fields + ",") + "\"time\":\"" + t() + "\",\"flow_run_id\":\"" + RUN + "\"";
        apply("{\"stream_id\":0,\"event\":\"" + kind + "\",\"data\":{" + data + "}}");
    }

    private void node(String kind, String node, int times, String extra) {
        so(kind, "\"node_id\":\"" + node + "\",\"times\":" + times + (extra.isEmpty() ? "" : "," + extra));
    }

    private void lyzr(String type, String extra) {
        apply("{\"event_type\":\"" + type + "\",\"flow_name\":\"F\",\"run_name\":\"r\",\"timestamp\":" + (1700000000 + second++)
                + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private void apply(String frame) {
        ProtocolEvent e = decoder.decode(frame);
        assertTrue(e instanceof RunEvent, () -> "not a run event: " + e);
        model.apply((RunEvent) e);
    }

    private Run soRun() {
        return model.run(new RunRef(Source.SPACE_OPERATOR, RUN));
    }

    private Run lyzrRun() {
        return model.run(RunRef.lyzr("F", "r"));
    }

    @Test
    void executionIsRunningFromItsFirstEventAndSucceedsOnFinish() {
        so("FlowStart", "");
        node("NodeStart", "a", 0, "\"input\":{\"M\":{}}");
        Execution a = soRun().execution("a", 0);
        assertEquals(ExecutionStatus.RUNNING, a.status());
        assertEquals(Instant.parse("2025-01-01T00:00:01Z"), a.startedAt());
        node("NodeOutput", "a", 0, "\"output\":{\"M\":{}}");
        node("NodeFinish", "a", 0, "");
        assertEquals(ExecutionStatus.SUCCEEDED, a.status());
        assertEquals(Instant.parse("2025-01-01T00:00:03Z"), a.finishedAt());
        assertEquals(1, a.outputs());
        assertEquals(RunStatus.RUNNING, soRun().status());
    }

    @Test
    void nodeErrorMarksExecutionFailedEvenAfterFinish() {
        node("NodeStart", "a", 0, "");
        node("NodeError", "a", 0, "\"error\":\"first\"");
        assertEquals(ExecutionStatus.FAILED, soRun().execution("a", 0).status());
        node("NodeError", "a", 0, "\"error\":\"second\"");
        node("NodeFinish", "a", 0, "");
        Execution a = soRun().execution("a", 0);
        assertEquals(ExecutionStatus.FAILED, a.status());
        assertEquals(List.of("first", "second"), a.errors());
        assertEquals(1, soRun().failedExecutions());
        node("NodeStart", "b", 0, "");
        node("NodeFinish", "b", 0, "");
        node("NodeError", "b", 0, "\"error\":\"late\"");
        assertEquals(ExecutionStatus.FAILED, soRun().execution("b", 0).status());
    }

    @Test
    void eventOfAnExecutionThatNeverStartedCreatesIt() {
        node("NodeFinish", "ghost", 2, "");
        Execution g = soRun().execution("ghost", 2);
        assertNull(g.startedAt());
        assertEquals(ExecutionStatus.SUCCEEDED, g.status());
        node("NodeOutput", "ghost", 2, "\"output\":{\"M\":{}}");
        assertEquals(1, g.outputs());
        assertEquals(ExecutionStatus.SUCCEEDED, g.status());
    }

    @Test
    void loopIterationsAreSeparateExecutions() {
        node("NodeStart", "body", 0, "");
        node("NodeStart", "body", 1, "");
        node("NodeStart", "body", 2, "");
        node("NodeFinish", "body", 1, "");
        assertEquals(3, soRun().executions().size());
        assertEquals(ExecutionStatus.SUCCEEDED, soRun().execution("body", 1).status());
        assertEquals(ExecutionStatus.RUNNING, soRun().execution("body", 0).status());
        assertEquals(List.of("body"), soRun().nodes());
    }

    @Test
    void secondFinishDoesNotMoveTheFinishTime() {
        node("NodeStart", "a", 0, "");
        node("NodeFinish", "a", 0, "");
        Instant first = soRun().execution("a", 0).finishedAt();
        node("NodeFinish", "a", 0, "");
        assertEquals(first, soRun().execution("a", 0).finishedAt());
        assertEquals(1, soRun().finishedExecutions());
    }

    @Test
    void flowFinishEndsRunAndInterruptsRunningExecutions() {
        so("FlowStart", "");
        node("NodeStart", "a", 0, "");
        node("NodeStart", "b", 0, "");
        node("NodeFinish", "b", 0, "");
        so("FlowFinish", "\"not_run\":[\"c\"],\"output\":{\"M\":{\"x\":{\"S\":\"y\"}}}");
        Run run = soRun();
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertTrue(run.terminal());
        assertEquals(ExecutionStatus.INTERRUPTED, run.execution("a", 0).status());
        assertNull(run.execution("a", 0).finishedAt());
        assertEquals(ExecutionStatus.SUCCEEDED, run.execution("b", 0).status());
        assertEquals(List.of("c"), run.notRun());
        assertEquals("{\"x\":\"y\"}", run.output().toString());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), run.startedAt());
        assertEquals(Instant.parse("2025-01-01T00:00:04Z"), run.finishedAt());
    }

    @Test
    void flowErrorDoesNotEndTheRunButFailsIt() {
        so("FlowStart", "");
        so("FlowError", "\"error\":\"something\"");
        assertEquals(RunStatus.RUNNING, soRun().status());
        so("FlowFinish", "\"not_run\":[],\"output\":{\"M\":{}}");
        assertEquals(RunStatus.FAILED, soRun().status());
        RunError err = soRun().errors().get(0);
        assertNull(err.node());
        assertNull(err.times());
        assertEquals("something", err.message());
    }

    @Test
    void failedExecutionFailsTheRun() {
        node("NodeStart", "a", 0, "");
        node("NodeError", "a", 0, "\"error\":\"x\"");
        so("FlowFinish", "\"not_run\":[]");
        assertEquals(RunStatus.FAILED, soRun().status());
        assertNull(soRun().output());
    }

    @Test
    void eventsAfterTheTerminalOneAreCountedButChangeNothing() {
        node("NodeStart", "a", 0, "");
        so("FlowFinish", "\"not_run\":[]");
        int events = soRun().events();
        node("NodeError", "a", 0, "\"error\":\"too late\"");
        node("NodeStart", "z", 0, "");
        so("FlowError", "\"error\":\"late\"");
        Run run = soRun();
        assertEquals(events + 3, run.events());
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(1, run.executions().size());
        assertTrue(run.errors().isEmpty());
    }

    @Test
    void runWithoutFlowStartHasNullStartTime() {
        node("NodeStart", "a", 0, "");
        assertNull(soRun().startedAt());
    }

    @Test
    void lyzrTimesCountEarlierStartsOfTheSameTask() {
        lyzr("flow_started", "");
        lyzr("task_started", "\"task_name\":\"fetch\",\"task_id\":\"t1\"");
        lyzr("task_started", "\"task_name\":\"fetch\",\"task_id\":\"t2\"");
        lyzr("task_started", "\"task_name\":\"other\"");
        lyzr("task_completed", "\"task_name\":\"fetch\",\"task_id\":\"t1\",\"output\":{\"ok\":true}");
        Run run = lyzrRun();
        assertEquals(ExecutionStatus.SUCCEEDED, run.execution("fetch", 0).status());
        assertEquals(1, run.execution("fetch", 0).outputs());
        assertEquals(ExecutionStatus.RUNNING, run.execution("fetch", 1).status());
        assertEquals(0, run.execution("other", 0).times());
    }

    @Test
    void lyzrCompletionWithoutTaskIdGoesToTheLatestExecutionOfThatName() {
        lyzr("task_started", "\"task_name\":\"fetch\"");
        lyzr("task_started", "\"task_name\":\"fetch\"");
        lyzr("task_failed", "\"task_name\":\"fetch\",\"error\":{\"message\":\"nope\"}");
        Run run = lyzrRun();
        assertEquals(ExecutionStatus.RUNNING, run.execution("fetch", 0).status());
        Execution latest = run.execution("fetch", 1);
        assertEquals(ExecutionStatus.FAILED, latest.status());
        assertEquals(List.of("nope"), latest.errors());
        assertTrue(latest.finished());
        assertTrue(latest.finishedAt() != null);
    }

    @Test
    void lyzrCompletionWithUnknownTaskIdFallsBackToName() {
        lyzr("task_started", "\"task_name\":\"fetch\"");
        lyzr("task_completed", "\"task_name\":\"fetch\",\"task_id\":\"unknown\"");
        assertEquals(ExecutionStatus.SUCCEEDED, lyzrRun().execution("fetch", 0).status());
        assertEquals(0, lyzrRun().execution("fetch", 0).outputs());
        assertEquals(1, lyzrRun().executions().size());
    }

    @Test
    void lyzrOrphanCompletionCreatesAnExecution() {
        lyzr("task_completed", "\"task_name\":\"late\",\"output\":\"x\"");
        Execution e = lyzrRun().execution("late", 0);
        assertNull(e.startedAt());
        assertEquals(ExecutionStatus.SUCCEEDED, e.status());
    }

    @Test
    void lyzrFlowCompletedSucceedsUnlessATaskFailed() {
        lyzr("task_started", "\"task_name\":\"a\"");
        lyzr("flow_completed", "\"results\":{\"a\":1}");
        assertEquals(RunStatus.SUCCEEDED, lyzrRun().status());
        assertEquals("{\"a\":1}", lyzrRun().output().toString());
        assertEquals(ExecutionStatus.INTERRUPTED, lyzrRun().execution("a", 0).status());
    }

    @Test
    void lyzrFlowCompletedAfterFailedTaskIsFailed() {
        lyzr("task_started", "\"task_name\":\"a\"");
        lyzr("task_failed", "\"task_name\":\"a\",\"error\":{\"message\":\"x\"}");
        lyzr("flow_completed", "\"output\":{}");
        assertEquals(RunStatus.FAILED, lyzrRun().status());
    }

    @Test
    void lyzrFlowErrorEndsTheRunAsFailed() {
        lyzr("flow_started", "");
        lyzr("task_started", "\"task_name\":\"a\"");
        lyzr("flow_error", "\"error\":{\"message\":\"halted\"}");
        Run run = lyzrRun();
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.terminal());
        assertEquals(ExecutionStatus.INTERRUPTED, run.execution("a", 0).status());
        assertEquals("halted", run.errors().get(0).message());
        assertNull(run.output());
    }

    @Test
    void signatureRequestsAndUnknownKindsCountButChangeNoState() {
        so("SignatureRequest", "\"id\":1,\"pubkey\":\"p\",\"message\":\"m\",\"timeout\":1.0");
        so("Teleport", "");
        assertEquals(2, soRun().events());
        assertTrue(soRun().executions().isEmpty());
        assertEquals(RunStatus.RUNNING, soRun().status());
    }

    @Test
    void runsAreKeptInOrderOfFirstAppearance() {
        lyzr("flow_started", "");
        so("FlowStart", "");
        assertEquals(List.of(Source.LYZR, Source.SPACE_OPERATOR),
                model.runs().stream().map(r -> r.ref().source()).toList());
        assertEquals(2, model.applied());
    }

    @Test
    void copyIsDeepAndIndependent() {
        node("NodeStart", "a", 0, "");
        RunModel snapshot = model.copy();
        node("NodeFinish", "a", 0, "");
        node("NodeStart", "b", 0, "");
        Run copied = snapshot.run(new RunRef(Source.SPACE_OPERATOR, RUN));
        assertNotSame(copied, soRun());
        assertEquals(ExecutionStatus.RUNNING, copied.execution("a", 0).status());
        assertEquals(1, copied.executions().size());
        assertEquals(2, soRun().executions().size());
        assertFalse(copied.execution("a", 0).finished());
        assertSame(copied.executions().get(0), copied.execution("a", 0));
    }

    @Test
    void gapsAreRecordedOnTheRun() {
        RunRef ref = RunRef.lyzr("F", "r");
        model.markGap(ref, new Gap(Instant.EPOCH, Instant.EPOCH.plusSeconds(3), "reconnected"));
        assertEquals(1, model.run(ref).gaps().size());
        assertEquals(0, model.run(ref).events());
    }

    @Test
    void reconcileMarksTheLatestExecutionSucceededCreatesMissingOnesAndKeepsFailures() {
        RunRef ref = RunRef.lyzr("F", "r");
        lyzr("flow_started", "");
        lyzr("task_started", "\"task_name\":\"fetch\"");
        lyzr("task_started", "\"task_name\":\"fetch\"");
        lyzr("task_started", "\"task_name\":\"check\"");
        lyzr("task_failed", "\"task_name\":\"check\",\"error\":{\"message\":\"bad\"}");
        Instant at = Instant.parse("2025-01-01T00:01:00Z");
        model.reconcile(ref, "fetch", at);
        model.reconcile(ref, "check", at);
        model.reconcile(ref, "store", at);
        model.reconcile(ref, "store", at);
        Run run = lyzrRun();
        assertEquals(ExecutionStatus.RUNNING, run.execution("fetch", 0).status(), "only the latest is reconciled");
        assertEquals(ExecutionStatus.SUCCEEDED, run.execution("fetch", 1).status());
        assertEquals(at, run.execution("fetch", 1).finishedAt());
        assertEquals(ExecutionStatus.FAILED, run.execution("check", 0).status(), "an event's failure wins");
        assertEquals(ExecutionStatus.SUCCEEDED, run.execution("store", 0).status());
        assertEquals(1, run.execution("store", 0).outputs());
        assertEquals(List.of("fetch", "check", "store"), run.reconciled());
        assertEquals(RunStatus.RUNNING, run.status());
        model.reconcileEnd(ref, false, null, at);
        assertEquals(RunStatus.FAILED, lyzrRun().status(), "completed with a failed task is failed, as flow_completed");
        assertTrue(lyzrRun().terminal());
        assertEquals(ExecutionStatus.INTERRUPTED, lyzrRun().execution("fetch", 0).status());
    }

    @Test
    void reconcileAfterTheEndRepairsATaskWhoseCompletionWasLost() {
        RunRef ref = RunRef.lyzr("F", "r");
        lyzr("task_started", "\"task_name\":\"fetch\"");
        lyzr("flow_completed", "\"output\":{}");
        assertEquals(ExecutionStatus.INTERRUPTED, lyzrRun().execution("fetch", 0).status());
        Instant at = Instant.parse("2025-01-01T00:01:00Z");
        model.reconcile(ref, "fetch", at);
        model.reconcileEnd(ref, true, null, at);
        Run run = lyzrRun();
        assertEquals(ExecutionStatus.SUCCEEDED, run.execution("fetch", 0).status());
        assertEquals(RunStatus.SUCCEEDED, run.status(), "a run that ended on an event keeps that end");
        assertEquals(1, run.finishedExecutions());
        assertEquals(List.of("fetch"), run.copy().reconciled());
    }
}
