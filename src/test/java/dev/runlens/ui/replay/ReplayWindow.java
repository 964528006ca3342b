package dev.runlens.ui.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.RunRef;
import dev.runlens.replay.ReplayEngine;
import dev.runlens.replay.ReplayIndex;
import dev.runlens.summary.FrameStats;
import dev.runlens.summary.SummaryJson;
import dev.runlens.ui.app.Dashboard;
import dev.runlens.ui.dashboard.TrackedRun;
import dev.runlens.ui.rows.EventRow;
import javafx.scene.control.Label;
import org.testfx.util.WaitForAsyncUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dashboard window replaying a file, driven and checked the way the replay UI tests need. */
final class ReplayWindow {
    private final Dashboard dashboard;

    ReplayWindow(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    ReplayController controller() {
        return dashboard.replay().controller();
    }

    ReplayIndex index() {
        return controller().active().session().index();
    }

    /** Seeks on the FX thread, as the slider does, and waits until the dashboard shows that position. */
    void seek(int p) throws Exception {
        fx(() -> {
            controller().seek(p);
            return null;
        });
        settle(p);
    }

    void settle(int p) throws Exception {
        waitFor(() -> controller().active().position() == p && controller().active().session().emitted() == p
                && dashboard.bridge().backlog() == 0);
    }

    static Map<String, JsonNode> byId(List<Run> runs) {
        Map<String, JsonNode> out = new HashMap<>();
        for (Run r : runs) {
            out.put(r.ref().runId(), SummaryJson.of(List.of(r), new FrameStats()).get("runs").get(0));
        }
        return out;
    }

    /**
     * Checks what the window shows at {@code p} against the model built from scratch there: runs,
     * events applied, one event row per run event before {@code p} linked to the current
     * executions, the error count and the position label.
     */
    void assertShowsStateAt(int p) throws Exception {
        ReplayIndex index = index();
        RunModel expected = ReplayEngine.stateAt(index, p);
        assertEquals(byId(expected.runs()), fx(() -> byId(dashboard.model().runs())), "runs at position " + p);
        assertEquals(expected.applied(), (long) fx(() -> dashboard.model().eventsApplied()), "events applied at " + p);
        Map<RunRef, Integer> rows = new HashMap<>();
        for (int i = 0; i < p; i++) {
            if (index.kind(i).isRunEvent()) {
                rows.merge(index.run(i), 1, Integer::sum);
            }
        }
        for (Run r : expected.runs()) {
            TrackedRun t = fx(() -> dashboard.model().track(r.ref()));
            assertEquals(rows.get(r.ref()), t.rows().size(), "rows of " + r.ref().runId() + " at " + p);
            long previous = -1;
            for (EventRow row : t.rows()) {
                assertTrue(row.sequence() < p && row.sequence() > previous, "rows in entry order, before the playhead");
                previous = row.sequence();
                if (row.execution() != null) {
                    assertTrue(t.run().executions().contains(row.execution()), "row linked to a current execution");
                }
            }
        }
        long errors = 0;
        for (Run r : expected.runs()) {
            errors += r.errors().size() + r.gaps().size();
        }
        // Malformed frames and unreadable pieces before p are listed too.
        errors += index.malformed().stream().filter(m -> m.index() < p).count();
        long expectedErrors = errors;
        waitFor(() -> dashboard.errorsViewModel().totalProperty().get() == expectedErrors);
        assertEquals(String.valueOf(p), fx(() -> TransportControls.<Label>of(dashboard, "replay-position").getText()).split(" ")[1]);
    }
}
