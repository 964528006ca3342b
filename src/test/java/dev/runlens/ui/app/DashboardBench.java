package dev.runlens.ui.app;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import javafx.application.Application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A measurement, not a test: the real window (run it under a display, e.g. Xvfb) watching the
 * simulator's firehose run (EVENTS small events at PER_SECOND, 0 = as fast as possible) through
 * the normal WebSocket path, with {@code --exit-when-finished --stats-out}. Prints the stats JSON.
 * Usage: DashboardBench EVENTS PER_SECOND STATS_FILE
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        int perSecond = Integer.parseInt(args[1]);
        Path stats = Path.of(args[2]);
        Simulator sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startFirehose(events, perSecond);
        ConnectionSettings settings = new ConnectionSettings(sim.spaceOperatorUrl().toString(), ProtocolChoice.SPACE_OPERATOR,
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
