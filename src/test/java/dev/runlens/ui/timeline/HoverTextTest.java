package dev.runlens.ui.timeline;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's hover card gives Lyzr's execution_time as the duration when the server gave one. */
class HoverTextTest {
    @Test
    void theHoverCardShowsTheServersExecutionTime() {
        DashboardModel model = TestData.load(TestData.fixture("lyzr-docs-sample"));
        Run run = model.runs().get(0);
        Execution first = run.executions().get(0);
        String text = HoverText.of(first, run, new NodeNames(), TimeZoneMode.UTC, Instant::now, false);
        assertTrue(text.contains("duration 5.330 s (execution_time, as the server measured it)"), text);
    }
}
