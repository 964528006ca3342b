package dev.runlens.ui.app;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.ui.connect.ProtocolOption;
import dev.runlens.ui.connect.TokenSource;
import javafx.application.Application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A measurement, not a test: the real window (run it under a display, e.g. Xvfb) watching a
 * simulator foreach run of ITERATIONS loop iterations sent EVERY_MICROS apart, through the
 * normal WebSocket path, with {@code --exit-when-finished --stats-out}. Prints the stats JSON.
 * Usage: DashboardBench ITERATIONS EVERY_MICROS STATS_FILE
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        long micros = Long.parseLong(args[1]);
        Path stats = Path.of(args[2]);
        Simulator sim = Simulator.start(SimulatorOptions.fast().toBuilder().foreachIterations(iterations)
                .eventInterval(Duration.ofNanos(micros * 1000)).build());
        String run = sim.startRun(SoScenario.FOREACH);
        ConnectionSettings settings = new ConnectionSettings(sim.spaceOperatorUrl().toString(), ProtocolOption.SPACE_OPERATOR,
                new TokenSource.Typed(sim.demoToken().toCharArray()), List.of(run), null, null);
        RunlensApplication.configure(new LaunchOptions(settings, List.of(), true, stats,
                Files.createTempFile("runlens-bench", ".jsonl")));
        long start = System.nanoTime();
        Application.launch(RunlensApplication.class);
        System.out.printf("wall %.1f s%n", (System.nanoTime() - start) / 1e9);
        System.out.println(Files.readString(stats));
        sim.close();
        System.exit(0);
    }
}
