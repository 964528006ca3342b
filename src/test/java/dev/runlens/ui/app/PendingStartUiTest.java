package dev.runlens.ui.app;

import dev.runlens.act.ApiTarget;
import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.connect.Secret;
import dev.runlens.launch.ExitCodes;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.Source;
import dev.runlens.sim.LyzrWorkflows;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.launch.WatchCommand;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.runlens.ui.app.DashboardFixture.waitFor;
import static dev.runlens.ui.app.DashboardFixture.bannerTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code runlens start --watch} leaves to the window (decision 0055), performed on a real
 * dashboard against the simulator over real HTTP and WebSocket; the options come from the real
 * {@code watch} parser, as {@code start} hands them over.
 */
@ExtendWith(ApplicationExtension.class)
class PendingStartUiTest {
    @TempDir
    static Path dir;
    private Dashboard dashboard;
    private Simulator simulator;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger settled = new AtomicInteger();
    private PendingStartRun pending;

    @Start
    void start(Stage stage) {
        dashboard = DashboardFixture.show(stage, dir);
        pending = new PendingStartRun(dashboard, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), settled::incrementAndGet);
    }

    @AfterEach
    void close() throws Exception {
        DashboardFixture.close(dashboard, simulator);
    }

    private PendingStart.Lyzr lyzrStart(String key) throws Exception {
        Path wf = dir.resolve("wf-" + System.nanoTime() + ".json");
        Files.writeString(wf, LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, "Support Flow", "template"));
        Path keyFile = dir.resolve("key-" + System.nanoTime() + ".txt");
        Files.writeString(keyFile, key + "\n");
        LaunchOptions o = WatchCommand.parse(List.of("--start-lyzr-workflow", wf.toString(), "--start-lyzr-api",
                simulator.lyzrApiUrl().toString(), "--start-lyzr-key-file", keyFile.toString()), Map.of());
        return (PendingStart.Lyzr) o.start();
    }

    @Test
    void aLyzrStartOpensTheSocketPostsAndRecordsTheStartButNeverTheKey(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(25)).build());
        PendingStart.Lyzr start = lyzrStart(simulator.demoToken());
        assertFalse(pending.watchOver(true, List.of(), ids -> true), "the watch never ends before the start is settled");
        WaitForAsyncUtils.asyncFx(() -> pending.start(start)).get();
        waitFor(() -> dashboard.model().runs().stream().anyMatch(r -> r.ref().source() == Source.LYZR && r.terminal()));
        Run run = WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().get(0)).get();
        assertEquals(RunStatus.SUCCEEDED, run.status(), run::toString);
        assertTrue(run.ref().runId().startsWith("Support Flow/run-"), "a fresh run name: " + run.ref().runId());
        assertEquals(1, settled.get());
        assertTrue(pending.settled() && !pending.refused());
        assertEquals(List.of(run.ref().runId()), pending.runIds());
        assertTrue(pending.watchOver(true, List.of(), ids -> ids.equals(List.of(run.ref().runId()))), "the watch waits for this run");
        assertFalse(pending.watchOver(true, List.of(), ids -> false));
        assertEquals(ExitCodes.OK, pending.exitStatus());
        assertEquals(ExitCodes.GAVE_UP, pending.exitStatus(ExitCodes.GAVE_UP), "a started run's watch keeps watch's status");
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(run.ref().runId() + " task_id="), out::toString);
        assertTrue(bannerTexts(robot).stream().anyMatch(t -> t.startsWith("Lyzr run " + run.ref().runId() + " started")),
                bannerTexts(robot)::toString);
        Path recording = dashboard.connections().get(0).recording();
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        String recorded = Files.readString(recording);
        assertTrue(recorded.contains("\"meta\":\"run_started\"") && recorded.contains("\"task_id\":\""), recorded);
        assertTrue(recorded.indexOf("\"meta\":\"run_started\"") < recorded.indexOf("flow_completed"), recorded);
        assertFalse(recorded.contains(simulator.demoToken()), "the key is never written");
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(simulator.demoToken()));
    }

    @Test
    void aRefusedKeyIsOneSentenceOnStderrAndInTheWindowExitsThreeAndClosesTheSocket(FxRobot robot) throws Exception {
        simulator = Simulator.start(SimulatorOptions.fast());
        PendingStart.Lyzr start = lyzrStart("wrong-key");
        WaitForAsyncUtils.asyncFx(() -> pending.start(start)).get();
        waitFor(() -> bannerTexts(robot).contains(PendingStartRun.FAILED));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("refused")).toList();
        assertEquals(1, lines.size(), err::toString);
        assertTrue(lines.get(0).startsWith("runlens start: ") && lines.get(0).contains("refused the token (HTTP 401"), lines::toString);
        assertTrue(bannerTexts(robot).contains(lines.get(0).substring("runlens start: ".length())), bannerTexts(robot)::toString);
        assertTrue(pending.refused());
        assertTrue(pending.watchOver(true, List.of(), ids -> false), "a refused start ends the watch: nothing will come");
        assertEquals(ExitCodes.TOKEN_REFUSED, pending.exitStatus());
        assertEquals(ExitCodes.TOKEN_REFUSED, pending.exitStatus(ExitCodes.GAVE_UP), "the socket the refusal closed is not a give-up");
        assertEquals(1, settled.get());
        waitFor(() -> dashboard.connections().get(0).state().terminal());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().isEmpty()).get(), "nothing was started");
        assertTrue(simulator.liveLyzrRuns().isEmpty());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSpaceOperatorStartIsWrittenIntoTheWatchConnectionsLog() throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(20)).build());
        String flow = Simulator.flowId(SoScenario.BALANCE);
        String runId = new SpaceOperatorApi(ApiTarget.spaceOperator(simulator.spaceOperatorUrl(), Secret.of(simulator.demoToken()), null, false))
                .start(flow, Map.of());
        Path tokenFile = dir.resolve("token.txt");
        Files.writeString(tokenFile, simulator.demoToken() + "\n");
        LaunchOptions o = WatchCommand.parse(List.of("--url", simulator.spaceOperatorUrl().toString(), "--run", runId,
                "--token-file", tokenFile.toString(), "--started-flow", flow, "--started-inputs", "{\"n\":{\"U\":\"5\"}}"), Map.of());
        WaitForAsyncUtils.asyncFx(() -> pending.connected((PendingStart.Started) o.start(), dashboard.connect(o.watch()))).get();
        waitFor(() -> dashboard.model().runs().stream().anyMatch(r -> r.ref().runId().equals(runId) && r.terminal()));
        assertTrue(pending.settled() && !pending.refused());
        assertEquals(List.of(runId), pending.runIds());
        Path recording = dashboard.connections().get(0).recording();
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        String recorded = Files.readString(recording);
        assertTrue(recorded.contains("\"meta\":\"run_started\"") && recorded.contains("\"run_id\":\"" + runId + "\"")
                && recorded.contains("\"flow_id\":\"" + flow + "\""), recorded);
        assertFalse(recorded.contains(simulator.demoToken()), "the token is never written");
    }
}
