package dev.runlens.ui.app;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.dashboard.ErrorEntry;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The disk fills while the window records: one sentence in the error panel, and the run goes on showing to its end. */
@ExtendWith(ApplicationExtension.class)
class DiskFullUiTest {
    @TempDir
    static Path dir;
    private static Path mount;
    private Dashboard dashboard;
    private Simulator simulator;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        mount = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", mount.toString()) == 0,
                "cannot mount a small tmpfs here (needs root); RecorderFaultsTest's /dev/full test still runs");
    }

    @Start
    void start(Stage stage) {
        dashboard = new Dashboard(new LiveConnector(mount.resolve("window.jsonl"), dir, null));
        dashboard.attach(stage, 1000, 700);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.close()).get();
        if (simulator != null) {
            simulator.close();
        }
        run("umount", "-l", mount.toString());
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void theWindowSaysTheDiskIsFullAndKeepsShowingTheRun() throws Exception {
        simulator = Simulator.start(SimulatorOptions.fastBuilder().foreachIterations(1_500).build());
        String runId = simulator.startRun(SoScenario.FOREACH);
        WaitForAsyncUtils.asyncFx(() -> dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                ProtocolChoice.AUTO, new TokenSource.Typed(simulator.demoToken().toCharArray()), List.of(runId), null, null))).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> dashboard.model().runs().size() == 1 && dashboard.model().runs().get(0).terminal()).get());
        Path log = mount.resolve("window.jsonl");
        String sentence = "the disk is full: recording to " + log + " stopped; what was written before stays readable";
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> dashboard.model().errors().stream().map(ErrorEntry::message).toList()).get();
        assertTrue(problems.stream().anyMatch(m -> m.contains(sentence)), problems.toString());
        int executions = WaitForAsyncUtils.asyncFx(() -> dashboard.model().runs().get(0).executions().size()).get();
        assertTrue(executions > 1_500, executions + " executions shown: the run went on showing after the disk filled");
        List<String> corrupt = new ArrayList<>();
        LogReader.open(log).read(e -> {
            if (e instanceof LogEntry.Corrupt c) {
                corrupt.add(c.reason());
            }
        });
        assertEquals(List.of(), corrupt, "the log written so far reads back whole");
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
