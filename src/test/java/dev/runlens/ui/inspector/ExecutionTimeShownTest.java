package dev.runlens.ui.inspector;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.timeline.NodeNames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The inspector names an execution's duration: Lyzr's execution_time when given, else finish minus start. */
class ExecutionTimeShownTest {
    @Test
    void theInspectorShowsTheServersExecutionTime() {
        DashboardModel model = TestData.load(TestData.fixture("lyzr-docs-sample"));
        Selection selection = new Selection();
        InspectorViewModel vm = new InspectorViewModel(model, selection, new NodeNames(), Runnable::run, Runnable::run);
        Run run = model.runs().get(0);
        Execution first = run.executions().get(0);
        selection.select(run.ref(), first);
        // Its events are 5.333 s apart; the server measured 5.33 s.
        assertEquals("succeeded · node sentiment_analyzer · took 5.330s", vm.subtitleProperty().get());
    }

    @Test
    void withoutExecutionTimeTheEventTimesGiveIt() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        Selection selection = new Selection();
        InspectorViewModel vm = new InspectorViewModel(model, selection, new NodeNames(), Runnable::run, Runnable::run);
        Run run = model.runs().get(0);
        Execution first = run.executions().get(0);
        selection.select(run.ref(), first);
        assertEquals(first.status().id() + " · node " + first.node() + " · took "
                + dev.runlens.summary.Durations.between(first.startedAt(), first.finishedAt()), vm.subtitleProperty().get());
    }
}
