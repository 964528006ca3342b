package dev.runlens.ui.app;

import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.timeline.NodeIdMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live server whose clock is 40 minutes behind ours: elapsed times stay on our clock, the runs list
 * and the run header say how far off the server's clock is; node ids sharing their first 24
 * characters get labels that tell them apart, the full id one copy away.
 */
@ExtendWith(ApplicationExtension.class)
class ServerClockUiTest {
    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private Simulator simulator;

    @Start
    void start(Stage stage) {
        dashboard = DashboardFixture.show(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        DashboardFixture.close(dashboard, simulator);
    }

    @Test
    void aServerClockFortyMinutesBehindIsNamedAndDoesNotAgeTheRun(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        List<String> ids = simulator.startManyRuns(2, 40, 400, Duration.ofMinutes(-40), false);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), ids, null, null))).get();
        waitFor(() -> dashboard.model().runs().size() == 2 && dashboard.model().runs().stream().allMatch(r -> r.events() == 40));
        // The counts are redrawn a few times a second: wait for the cells to show every event.
        waitFor(() -> cellTexts(robot).stream().filter(t -> t.contains("13/13 done")).count() == 2);

        List<String> details = cellTexts(robot).stream().filter(t -> t.contains("done")).toList();
        assertEquals(2, details.size(), details.toString());
        Pattern seconds = Pattern.compile("Space Operator · (\\d+ ms|\\d+\\.\\d s) · ");
        for (String d : details) {
            assertTrue(d.contains("server clock \u221240 min"), d);
            assertTrue(seconds.matcher(d).find(), "elapsed on our clock, not 40 minutes: " + d);
            assertTrue(d.contains("last event 0 s ago") || d.contains("last event 1 s ago"), d);
            assertFalse(d.contains("STALE"), d);
        }
        waitFor(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("Node timeline") && l.getText().endsWith("server clock \u221240 min")));

        // Eight node ids that share 24 characters: eight labels, each a short unique suffix.
        Run run = dashboard.model().runs().get(0);
        Execution first = run.executions().get(0);
        WaitForAsyncUtils.asyncFx(() -> dashboard.selection().select(run.ref(), first)).get();
        WaitForAsyncUtils.waitForFxEvents();
        String title = robot.lookup("#inspector-title").queryAs(Labeled.class).getText();
        assertEquals("…00000001  #0", title);
        List<String> labels = WaitForAsyncUtils.asyncFx(() -> run.nodes().stream().map(dashboard.names()::name).distinct().toList()).get();
        assertEquals(8, labels.size(), labels.toString());
        assertTrue(dashboard.timeline().describe(first).contains("node id " + first.node()));
        String copied = WaitForAsyncUtils.asyncFx(() -> {
            NodeIdMenu menu = new NodeIdMenu(dashboard.timeline(), dashboard.selection()::execution);
            menu.copySelected();
            return Clipboard.getSystemClipboard().getString();
        }).get();
        assertEquals(first.node(), copied);
    }

    private static List<String> cellTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.lookup("#runs-list .label").queryAllAs(Label.class).forEach(l -> texts.add(l.getText()));
        return texts;
    }
}
